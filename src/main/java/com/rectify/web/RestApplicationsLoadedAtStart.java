package com.rectify.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.context.ServletContextAware;

/**
 * The REST applications behind {@code /engine-rest} and the webapps (Tasklist, Cockpit, Admin, Welcome and the
 * engine API they share) are registered to be built on their first request, so after every start the first person
 * to open Tasklist waited while they were built. Tasklist fetches its plugin script with a limit of seven seconds
 * and stops there on a busy server. They are built as the server starts instead, before it takes requests.
 */
@Component
class RestApplicationsLoadedAtStart implements ServletContextAware {

  @Override
  public void setServletContext(ServletContext servletContext) {
    servletContext.getServletRegistrations().values().stream()
        .filter(registration -> ServletContainer.class.getName().equals(registration.getClassName()))
        .filter(ServletRegistration.Dynamic.class::isInstance)
        .forEach(registration -> ((ServletRegistration.Dynamic) registration).setLoadOnStartup(1));
  }
}
