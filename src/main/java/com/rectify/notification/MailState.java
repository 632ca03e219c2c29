package com.rectify.notification;

/**
 * Where an outbound mail stands. A mail that fails stays {@code PENDING} with its error and the time of
 * its next attempt: none is ever given up.
 */
enum MailState { PENDING, SENDING, SENT }
