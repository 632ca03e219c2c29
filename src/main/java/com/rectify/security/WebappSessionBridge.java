package com.rectify.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Someone logged into Tasklist is logged into the product's own pages too (the evidence page the forms
 * link to): the Camunda webapps' session login is taken as this request's user.
 */
public class WebappSessionBridge extends OncePerRequestFilter {

  private static final String ENGINE = "default";

  private final IdentityService identityService;

  public WebappSessionBridge(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && SecurityContextHolder.getContext().getAuthentication() == null) {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      Authentication camunda = authentications == null ? null : authentications.getAuthenticationForProcessEngine(ENGINE);
      if (camunda != null && camunda.getIdentityId() != null) {
        SecurityContextHolder.getContext().setAuthentication(
            CamundaIdentityAuthenticationProvider.authenticated(identityService, camunda.getIdentityId()));
      }
    }
    chain.doFilter(request, response);
  }
}
