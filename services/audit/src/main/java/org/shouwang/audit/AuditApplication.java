package org.shouwang.audit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Consumer: the append-only, hash-chained audit log with search, export and verification. */
@SpringBootApplication
public class AuditApplication {

  public static void main(String[] args) {
    SpringApplication.run(AuditApplication.class, args);
  }
}
