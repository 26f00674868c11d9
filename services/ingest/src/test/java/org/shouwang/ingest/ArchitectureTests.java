package org.shouwang.ingest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.shouwang.testsupport.ArchitectureRules;

class ArchitectureTests {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.shouwang.ingest");

  @Test
  void followsTheSharedConventions() {
    ArchitectureRules.checkAll(classes);
  }

  @Test
  void importsNoOtherService() {
    ArchitectureRules.servicesAreIndependent("ingest").check(classes);
  }
}
