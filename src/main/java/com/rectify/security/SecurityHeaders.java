package com.rectify.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security headers every answer carries. Spring Security's defaults stay (X-Content-Type-Options: nosniff,
 * Strict-Transport-Security over HTTPS, no caching of pages); added are a Referrer-Policy and, on Rectify's own
 * pages, a Content-Security-Policy that lets a page run only scripts and styles from Rectify's origin: no inline
 * script, no event-handler attribute, no style attribute or {@code <style>} block. Values the server computes
 * for a page's look (a chart's height, a bar's width, a cell's shade) travel as {@code data-*} attributes and
 * {@code js/sizes.js} applies them through the CSSOM, which the policy allows.
 *
 * <p>The Camunda webapps ({@code /camunda/**}) are left to their own Content-Security-Policy
 * ({@code camunda.bpm.webapp.header-security.*}: a nonce for their scripts, a sandbox), and the H2 console
 * (development profile only) is a third-party page built of inline scripts and frames, so Rectify's policy is
 * not sent with either.
 */
final class SecurityHeaders {

  /** Rectify's pages: everything from Rectify's own origin, nothing inline, no plugins, framed only by Rectify itself. */
  static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

  /**
   * The recommendation page draws its lifecycle with bpmn-js 8.0.0, the newest bpmn-js published as a webjar. It
   * gives a few of its elements style attributes: the overlay container, the hidden drawing it measures labels in,
   * and the bpmn.io logo (whose licence requires it to stay visible) with the box the logo opens. Later bpmn-js
   * releases set those styles through the CSSOM instead; until Rectify can take one, this page, and only this page,
   * allows exactly those attribute values by their hashes ({@code 'unsafe-hashes'} lets a hash match a style
   * attribute). Any other style attribute, every {@code <style>} block and every inline script stay refused.
   * {@code rectify.css} gives the same elements the same styles, so a browser that does not know
   * {@code style-src-attr} still draws the page as it should.
   */
  static final String DIAGRAM_PAGE_POLICY = PAGE_POLICY + "; style-src-attr 'unsafe-hashes' " + hashes(
      // The overlay container, made when the viewer starts, and the hidden drawing that labels are measured in.
      "position: absolute; width: 0; height: 0;",
      "visibility: hidden; position: fixed",
      // The bpmn.io logo in the diagram's corner, and its picture.
      "position: absolute; bottom: 15px; right: 15px; z-index: 100; color: #404040",
      "vertical-align:middle",
      // The box the logo opens when clicked: its layer, backdrop, notice and link.
      "z-index: 1001;position: fixed;top: 0;left: 0;right: 0;bottom: 0",
      "width: 100%;height: 100%;background: rgba(40,40,40,0.2)",
      "position: absolute;left: 50%;top: 40%;transform: translate(-50%);width: 260px;padding: 10px;background: white;"
          + "box-shadow: 0 1px 4px rgba(0,0,0,0.3);font-family: Helvetica, Arial, sans-serif;font-size: 14px;display: flex;"
          + "line-height: 1.3",
      "margin: 15px 20px 15px 10px; align-self: center;color: #404040");

  private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

  /** Answers that are not Rectify's pages: the webapps and their APIs, and the H2 console. */
  private static final RequestMatcher NOT_RECTIFY_PAGES =
      new OrRequestMatcher(PATHS.matcher("/camunda/**"), PATHS.matcher("/h2-console/**"));

  /** The recommendation page itself (not its evidence page or its diagram's XML). */
  private static final RequestMatcher DIAGRAM_PAGE = PATHS.matcher("/recommendations/*");

  private SecurityHeaders() {}

  /** Rectify's pages and the Camunda webapps (the {@code pages} filter chain). */
  static Customizer<HeadersConfigurer<HttpSecurity>> pages() {
    return headers -> headers
        // The webapps and the H2 console frame pages of their own; nothing frames Rectify's pages from elsewhere.
        .frameOptions(frame -> frame.sameOrigin())
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
            new AndRequestMatcher(new NegatedRequestMatcher(NOT_RECTIFY_PAGES), new NegatedRequestMatcher(DIAGRAM_PAGE)),
            new ContentSecurityPolicyHeaderWriter(PAGE_POLICY)))
        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(DIAGRAM_PAGE, new ContentSecurityPolicyHeaderWriter(DIAGRAM_PAGE_POLICY)));
  }

  /** The CSP source expressions {@code 'sha256-…'} of the given style attribute values. */
  static String hashes(String... styleAttributes) {
    try {
      StringBuilder sources = new StringBuilder();
      for (String style : styleAttributes) {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8));
        sources.append(sources.isEmpty() ? "" : " ").append("'sha256-").append(Base64.getEncoder().encodeToString(digest)).append('\'');
      }
      return sources.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code /api} and {@code /engine-rest}: Spring Security's defaults (nosniff, frame options DENY) and the referrer policy. */
  static Customizer<HeadersConfigurer<HttpSecurity>> apis() {
    return headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
  }
}
