package org.shouwang.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.shouwang.testsupport.ArchitectureRules;

class ArchitectureTests {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.shouwang.audit");

  @Test
  void followsTheSharedConventions() {
    ArchitectureRules.checkAll(classes);
  }

  @Test
  void importsNoOtherService() {
    ArchitectureRules.servicesAreIndependent("audit").check(classes);
  }

  @Test
  void keepsTheChainPure() {
    noClasses()
        .that()
        .resideInAPackage("org.shouwang.audit.chain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.sql..",
            "javax.sql..",
            "org.postgresql..",
            "org.springframework..",
            "io.micrometer..",
            "org.shouwang.audit.store..",
            "org.shouwang.audit.export..",
            "org.shouwang.audit.search..",
            "org.shouwang.audit.verify..",
            "org.shouwang.audit.consumer..")
        .because(
            "the chain is pure: entries, encoding and verifier, whatever stores or serves them")
        .check(classes);
  }
}
