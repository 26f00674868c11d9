package org.shouwang.audit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/** Consumer: the append-only, hash-chained audit log with search, export and verification. */
@SpringBootApplication
@PropertySource("classpath:audit.properties")
public class AuditApplication {

  public static void main(String[] args) {
    SpringApplication.run(AuditApplication.class, args);
  }
}
