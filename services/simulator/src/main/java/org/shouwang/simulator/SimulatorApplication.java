package org.shouwang.simulator;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.PropertySource;

/**
 * Producer service: a synthetic county, shaped like the seed, streaming a year of life with
 * labelled risk scenarios. With {@code --shouwang.simulator.mode=command} it writes the whole year
 * as fast as it can, without a web server, and exits.
 */
@SpringBootApplication
@PropertySource("classpath:simulator.properties")
public class SimulatorApplication {

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(SimulatorApplication.class);
    if (commandMode(args)) {
      application.setWebApplicationType(WebApplicationType.NONE);
      ConfigurableApplicationContext context = application.run(args);
      System.exit(SpringApplication.exit(context));
    }
    application.run(args);
  }

  static boolean commandMode(String[] args) {
    String env = System.getenv("SHOUWANG_SIMULATOR_MODE");
    String property = System.getProperty("shouwang.simulator.mode");
    return "command".equalsIgnoreCase(env)
        || "command".equalsIgnoreCase(property)
        || Arrays.stream(args)
            .map(a -> a.toLowerCase(Locale.ROOT).replace("_", "-"))
            .anyMatch(a -> a.equals("--shouwang.simulator.mode=command"));
  }
}
