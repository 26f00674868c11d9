package org.shouwang.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shouwang.testsupport.ArchitectureRules;

class ArchitectureTests {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.shouwang.events");

  @Test
  void followsTheSharedConventions() {
    ArchitectureRules.checkAll(classes);
  }

  @Test
  void theContractLibraryDependsOnNoFrameworkNorService() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(dependencies())
        .because("every service and external integrator reads the contract through this library")
        .check(classes);
  }

  private static String[] dependencies() {
    var packages = new java.util.ArrayList<String>(List.of("org.springframework.."));
    ArchitectureRules.SERVICES.forEach(s -> packages.add("org.shouwang." + s + ".."));
    return packages.toArray(String[]::new);
  }
}
