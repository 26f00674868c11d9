package org.shouwang.riskengine;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.shouwang.riskengine.state.HouseholdStore;
import org.shouwang.testsupport.ArchitectureRules;

class ArchitectureTests {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.shouwang.riskengine");

  @Test
  void followsTheSharedConventions() {
    ArchitectureRules.checkAll(classes);
  }

  @Test
  void importsNoOtherService() {
    ArchitectureRules.servicesAreIndependent("riskengine").check(classes);
  }

  @Test
  void theRulesArePureJava() {
    noClasses()
        .that()
        .resideInAPackage("org.shouwang.riskengine.rules..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            "org.springframework..",
            "org.shouwang.riskengine.state..",
            "org.shouwang.riskengine.streams..")
        .because("the rules run on a household's state alone, testable without a broker or store")
        .check(classes);
  }

  @Test
  void onlyTheHouseholdStoreUsesKafkaInternals() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(HouseholdStore.class.getName())
        .should()
        .dependOnClassesThat(
            resideInAPackage("org.apache.kafka..internals..")
                // the client's only Headers implementation, for the dead letters' headers
                .and(not(equivalentTo(RecordHeaders.class))))
        .because(
            "Kafka internals change between releases without notice; one class to check on an"
                + " upgrade")
        .check(classes);
  }

  @Test
  void theStateKnowsNothingOfTheTopology() {
    noClasses()
        .that()
        .resideInAPackage("org.shouwang.riskengine.state..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.shouwang.riskengine.streams..")
        .check(classes);
  }
}
