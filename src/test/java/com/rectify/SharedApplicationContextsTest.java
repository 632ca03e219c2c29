package com.rectify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * Spring starts an application context for each distinct test configuration it meets, and keys its cache on
 * that configuration. This works out, without starting any, which test classes would share a context: all
 * but the few listed here, which need one of their own, share the context of {@link RectifyApplicationTest}.
 */
class SharedApplicationContextsTest {

  /** The test classes with a context of their own, and why. */
  static final Map<String, String> OWN_CONTEXT = Map.of(
      "H2ConsoleTest", "the dev profile: the H2 console exists there only",
      "LoginThrottleHttpTest", "small login-throttle limits: the tests' own address gets locked");

  @Test
  void everySpringTestClassSharesTheOneContextButThoseThatNeedTheirOwn() throws Exception {
    Map<MergedContextConfiguration, List<String>> contexts = new LinkedHashMap<>();
    List<String> shared = new ArrayList<>();
    for (Class<?> testClass : springTestClasses()) {
      MergedContextConfiguration key = BootstrapUtils.resolveTestContextBootstrapper(testClass).buildMergedContextConfiguration();
      contexts.computeIfAbsent(key, k -> new ArrayList<>()).add(testClass.getSimpleName());
      if (MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY).isPresent(RectifyApplicationTest.class)) {
        shared.add(testClass.getSimpleName());
      }
    }

    assertThat(shared).as("classes with @RectifyApplicationTest").hasSizeGreaterThan(1);
    List<List<String>> groups = new ArrayList<>(contexts.values());
    assertThat(groups).as("test classes by the application context they get")
        .containsExactlyInAnyOrderElementsOf(expectedGroups(shared));
  }

  private static List<List<String>> expectedGroups(List<String> shared) {
    List<List<String>> groups = new ArrayList<>();
    groups.add(shared);
    OWN_CONTEXT.keySet().forEach(name -> groups.add(List.of(name)));
    return groups;
  }

  /** Concrete classes under com.rectify with @SpringBootTest that surefire runs (the benchmarks run apart). */
  private static List<Class<?>> springTestClasses() throws ClassNotFoundException {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(SpringBootTest.class, true, false));
    List<Class<?>> classes = new ArrayList<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("com.rectify")) {
      Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), SharedApplicationContextsTest.class.getClassLoader());
      String name = type.getSimpleName();
      if (name.startsWith("Test") || name.endsWith("Test") || name.endsWith("Tests") || name.endsWith("TestCase")) {
        classes.add(type);
      }
    }
    return classes;
  }
}
