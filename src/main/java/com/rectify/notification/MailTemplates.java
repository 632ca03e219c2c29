package com.rectify.notification;

import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.springframework.stereotype.Component;

/**
 * Renders a notice as HTML and as plain text from the Thymeleaf templates under {@code templates/mail/}.
 * Every notice carries a link: to the task in Tasklist, or to the recommendation's page.
 */
@Component
class MailTemplates {

  private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
  private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

  private static TemplateEngine engine(TemplateMode mode, String suffix) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    TemplateEngine engine = new org.thymeleaf.spring6.SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }

  public Rendered render(Notice notice) {
    Context context = new Context(java.util.Locale.UK, Map.of("notice", notice));
    return new Rendered(text.process("notice", context), html.process("notice", context));
  }

  public record Rendered(String text, String html) {}
}
