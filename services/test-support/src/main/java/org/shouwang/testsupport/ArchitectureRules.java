package org.shouwang.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The conventions of STYLE.md that a machine can keep: package by feature, no cross-service
 * imports, no field injection, no printing, no sleeping.
 */
public final class ArchitectureRules {

  /** The service modules; none of them may import another's code (only the contract). */
  public static final List<String> SERVICES =
      List.of("ingest", "simulator", "riskengine", "alerting", "audit");

  /** Package by feature: no layer-named packages. */
  public static final ArchRule NO_LAYER_PACKAGES =
      noClasses()
          .should()
          .resideInAnyPackage(
              "..controllers..", "..services..", "..utils..", "..util..", "..helpers..")
          .because("code is packaged by feature (STYLE.md)");

  public static final ArchRule NO_FIELD_INJECTION = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

  public static final ArchRule NO_STANDARD_STREAMS =
      NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.because("services log instead of printing");

  public static final ArchRule NO_SLEEPING =
      noClasses()
          .should()
          .callMethod(Thread.class, "sleep", long.class)
          .because("waits are scheduled or bounded, never slept");

  public static final ArchRule NO_MUTABLE_STATICS =
      noFields()
          .that()
          .areStatic()
          .and()
          .areNotFinal()
          .should()
          .bePublic()
          .because("shared mutable state breaks test isolation");

  private ArchitectureRules() {}

  /** A rule: code of one service never imports another service's code. */
  public static ArchRule servicesAreIndependent(String service) {
    String[] others =
        SERVICES.stream()
            .filter(s -> !s.equals(service))
            .map(s -> "org.shouwang." + s + "..")
            .toArray(String[]::new);
    return noClasses()
        .that()
        .resideInAPackage("org.shouwang." + service + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others)
        .because("services share only the contract (services/events)");
  }

  /** Checks every general rule against the given classes. */
  public static void checkAll(JavaClasses classes) {
    for (ArchRule rule :
        List.of(
            NO_LAYER_PACKAGES,
            NO_FIELD_INJECTION,
            NO_STANDARD_STREAMS,
            NO_SLEEPING,
            NO_MUTABLE_STATICS)) {
      rule.allowEmptyShould(true).check(classes);
    }
  }
}
