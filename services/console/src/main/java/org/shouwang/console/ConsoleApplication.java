package org.shouwang.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.PropertySource;

/**
 * 守望工作台: server-rendered pages for cadres, supervisors and auditors over the alerting and audit
 * APIs, called as the logged-in user so that their role checks hold unchanged.
 */
@SpringBootApplication
@PropertySource("classpath:console.properties")
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleApplication {

  public static void main(String[] args) {
    SpringApplication.run(ConsoleApplication.class, args);
  }
}
