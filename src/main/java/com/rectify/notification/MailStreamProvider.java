package com.rectify.notification;

import org.springframework.stereotype.Component;

/**
 * Names Jakarta Mail's stream provider once, as a system property. Unnamed, Jakarta Mail looks it up through the
 * service loader, scanning the class path, each time it builds a multipart message or encodes a header
 * (jakartaee/mail-api #699, #861), many times for each mail. A provider the operator names on the command line
 * is kept.
 */
@Component
class MailStreamProvider {

  static final String PROPERTY = "jakarta.mail.util.StreamProvider";
  static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

  MailStreamProvider() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, ANGUS);
    }
  }
}
