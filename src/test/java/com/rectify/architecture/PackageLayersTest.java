package com.rectify.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Packages import downward only. Shared words (process and variable names, API errors, group names) are at
 * the bottom, in {@code common}; each feature depends on that and on the features below it, never on one
 * beside or above it. A new package must be given its place here, or the test fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackageLayersTest {

  /** Bottom first. Packages on one line are siblings: neither may use the other. */
  static final List<List<String>> LAYERS = List.of(
      List.of("common"),
      List.of("audit", "cycle", "security.engine"),
      List.of("recommendation", "recommendation.revision", "recommendation.progress"),
      List.of("recommendation.risk", "recommendation.supersession"),
      List.of("recommendation.access"),
      List.of("evidence", "notification", "security"),
      List.of("lifecycle", "recommendation.api", "reporting"),
      List.of("register", "importing", "raising"),
      List.of("dashboard"),
      List.of("analytics", "web"),
      List.of("demo"));

  private JavaClasses classes;

  @BeforeAll
  void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.rectify");
  }

  @Test
  void noCircleBetweenPackages() {
    slices().matching("com.rectify.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void everyPackageHasItsPlace() {
    List<String> placed = LAYERS.stream().flatMap(List::stream).map(p -> "com.rectify." + p).toList();
    assertThat(classes.stream().map(JavaClass::getPackageName).distinct()
        .filter(name -> !name.equals("com.rectify") && !placed.contains(name)))
        .as("packages not yet given a layer in PackageLayersTest.LAYERS").isEmpty();
  }

  static Stream<String> packages() {
    return LAYERS.stream().flatMap(List::stream);
  }

  @ParameterizedTest(name = "{0} uses only the packages below it")
  @MethodSource("packages")
  void eachPackageUsesOnlyThoseBelowIt(String pkg) {
    int level = levelOf(pkg);
    List<String> notBelow = new ArrayList<>();
    for (int i = 0; i < LAYERS.size(); i++) {
      for (String other : LAYERS.get(i)) {
        if (!other.equals(pkg) && i >= level) {
          notBelow.add("com.rectify." + other);
        }
      }
    }
    notBelow.add("com.rectify");
    noClasses().that().resideInAPackage("com.rectify." + pkg)
        .should().dependOnClassesThat().resideInAnyPackage(notBelow.toArray(String[]::new))
        .check(classes);
  }

  private static int levelOf(String pkg) {
    for (int i = 0; i < LAYERS.size(); i++) {
      if (LAYERS.get(i).contains(pkg)) {
        return i;
      }
    }
    throw new IllegalArgumentException(pkg);
  }
}
