package com.rectify;

import com.rectify.notification.TestSmtp;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application as the tests run it: the test profile, a server on a random port, and mail sent to
 * the tests' own SMTP server ({@link TestSmtp}) wherever a test starts one. Every class with this annotation
 * shares one application context (Spring caches a context by its configuration), so it starts once per test
 * run. A class that needs a context of its own (another profile, other properties) says so and why.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = RectifyApplicationTest.MailToTestSmtp.class)
public @interface RectifyApplicationTest {

  /** spring.mail.port: the port of the tests' SMTP server, picked free when the tests start. */
  final class MailToTestSmtp implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of("spring.mail.port=" + TestSmtp.PORT).applyTo(context);
    }
  }
}
