package com.rectify.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Who may reach what. The Camunda webapps keep their own login; the product's pages accept that login;
 * {@code /api} and {@code /engine-rest} take HTTP Basic against the same Camunda users.
 */
@Configuration
public class SecurityConfig {

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, CamundaIdentityAuthenticationProvider users, IdentityService identityService)
      throws Exception {
    BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
    entryPoint.setRealmName("Rectify");
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/api/audit-trail/**").hasAuthority(Groups.AUDIT_MANAGERS)
            .anyRequest().authenticated())
        .authenticationProvider(users)
        .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint))
        .addFilterBefore(new EngineIdentityFilter(identityService), AuthorizationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http, IdentityService identityService) throws Exception {
    http.authorizeHttpRequests(requests -> requests
            // Camunda's own filter lets the list of engine names through; Rectify does not.
            .requestMatchers("/engine-rest/engine", "/engine-rest/engine/").authenticated()
            .requestMatchers("/", "/error", "/favicon.ico", "/rectify.css", "/actuator/health", "/actuator/health/**",
                "/camunda/**", "/engine-rest/**").permitAll()
            .requestMatchers("/admin/**").hasAnyAuthority(Groups.CAMUNDA_ADMIN, Groups.AUDIT_MANAGERS)
            .requestMatchers("/reporting-cycles", "/reporting-cycles/**").hasAuthority(Groups.AUDIT_MANAGERS)
            .anyRequest().authenticated())
        .addFilterBefore(new WebappSessionBridge(identityService), AnonymousAuthenticationFilter.class)
        .addFilterBefore(new EngineIdentityFilter(identityService), AuthorizationFilter.class)
        .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/engine-rest/**"))
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor(engineRestEntryPoint(), new AntPathRequestMatcher("/engine-rest/**"))
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/camunda/app/tasklist/default/"),
                AnyRequestMatcher.INSTANCE))
        .httpBasic(Customizer.withDefaults());
    return http.build();
  }

  private static BasicAuthenticationEntryPoint engineRestEntryPoint() {
    BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
    entryPoint.setRealmName("default");
    return entryPoint;
  }

  /** Camunda's REST API answers only to a Camunda user with a password (HTTP Basic). */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.setName("engine-rest-authentication");
    return registration;
  }
}
