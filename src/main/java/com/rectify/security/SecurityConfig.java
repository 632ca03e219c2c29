package com.rectify.security;

import com.rectify.common.Groups;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. One login for everything, against Camunda's users: the form at {@code /login} for
 * Rectify's pages and the Camunda webapps (which take it as theirs: single sign-on), HTTP Basic for
 * {@code /api} and {@code /engine-rest}. All three check passwords with the one
 * {@link CamundaIdentityAuthenticationProvider} bean (Spring Boot makes it the application's only
 * authentication provider), so they share the login throttle.
 */
@Configuration
class SecurityConfig {

  /** Camunda webapps' own logout call: it ends the one session, so the next page asks for the login again. */
  private static final String WEBAPP_LOGOUT = "/camunda/api/admin/auth/user/*/logout";

  /** Paths as the browser sends them, whichever servlet (Spring MVC, Camunda's REST API, the webapps) answers. */
  private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, IdentityService identityService)
      throws Exception {
    ApiAuthenticationEntryPoint entryPoint = new ApiAuthenticationEntryPoint("Rectify");
    http.securityMatcher(path("/api/**"))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/api/audit-trail/**").hasAuthority(Groups.AUDIT_MANAGERS)
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(SecurityHeaders.apis())
        .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint))
        .addFilterBefore(new EngineIdentityFilter(identityService), AuthorizationFilter.class);
    return http.build();
  }

  /**
   * Camunda's REST API: Spring Security checks the HTTP Basic login (with the throttle), then Camunda's
   * own filter ({@link #engineRestAuthentication()}) makes that user the engine's current user, so the
   * engine's authorizations decide what they may see and do.
   */
  @Bean
  @Order(2)
  SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
    ApiAuthenticationEntryPoint entryPoint = new ApiAuthenticationEntryPoint("default");
    http.securityMatcher(path("/engine-rest/**"))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(SecurityHeaders.apis())
        .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint));
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain pages(HttpSecurity http, IdentityService identityService)
      throws Exception {
    RequestMatcher webappApi = path("/camunda/api/**");
    http.authorizeHttpRequests(requests -> requests
            .requestMatchers("/login", "/error", "/favicon.ico", "/rectify.css", "/accessibility", "/actuator/health", "/actuator/health/**")
            .permitAll()
            .requestMatchers("/camunda/app/admin/**", "/camunda/api/admin/plugin/**", "/camunda/api/admin/setup/**", "/h2-console/**")
            .hasAuthority(Groups.CAMUNDA_ADMIN)
            .requestMatchers("/admin/**").hasAnyAuthority(Groups.CAMUNDA_ADMIN, Groups.AUDIT_MANAGERS)
            .requestMatchers("/reporting-cycles", "/reporting-cycles/**").hasAuthority(Groups.AUDIT_MANAGERS)
            // The dashboard, register and recommendation pages are for any login, narrowed by RecommendationAccess.
            .requestMatchers("/analytics").hasAnyAuthority(Groups.ANALYTICS_READERS.toArray(String[]::new))
            .anyRequest().authenticated())
        // After signing in: the page asked for, else the home page, which sends each person to where their work is.
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/")
            .failureHandler(new SimpleUrlAuthenticationFailureHandler("/login?error")))
        .logout(logout -> logout
            .logoutRequestMatcher(new OrRequestMatcher(
                PATHS.matcher(HttpMethod.POST, "/logout"), PATHS.matcher(HttpMethod.POST, WEBAPP_LOGOUT)))
            .logoutSuccessHandler(loggedOut()))
        .addFilterBefore(new EngineIdentityFilter(identityService), AuthorizationFilter.class)
        // The webapps and the H2 console carry their own CSRF protection (Camunda's X-XSRF-TOKEN).
        .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/h2-console/**"))
        .headers(SecurityHeaders.pages())
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), webappApi)
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE));
    return http.build();
  }

  /** The webapps' logout is a script's call and wants a plain answer (it then reloads); a page's goes to the login page. */
  private static LogoutSuccessHandler loggedOut() {
    return (request, response, authentication) -> {
      if (request.getRequestURI().startsWith(request.getContextPath() + "/camunda/api/")) {
        response.setStatus(HttpServletResponse.SC_OK);
      } else {
        response.sendRedirect(request.getContextPath() + "/login?logout");
      }
    };
  }

  /** Single sign-on into the webapps: the Spring Security login becomes the Tasklist/Cockpit/Admin login. */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOn() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setInitParameters(Map.of("authentication-provider", SpringSecurityAuthenticationProvider.class.getName()));
    // After Spring Security's filter chain, before the webapps read their session.
    registration.setOrder(201);
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setName("webapp-single-sign-on");
    return registration;
  }

  /** Camunda's REST API acts as the user Spring Security authenticated. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider", SpringSecurityAuthenticationProvider.class.getName());
    registration.setName("engine-rest-authentication");
    return registration;
  }

  private static RequestMatcher path(String pattern) {
    return PATHS.matcher(pattern);
  }
}
