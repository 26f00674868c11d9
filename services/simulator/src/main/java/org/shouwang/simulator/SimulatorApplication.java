package org.shouwang.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
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
    if (commandMode(args)) {
      System.exit(command(args));
    }
    new SpringApplication(SimulatorApplication.class).run(args);
  }

  /**
   * Runs the command mode: no web server (so no HTTP security either), writes the whole simulation,
   * returns the exit code (0 when every record was acknowledged).
   */
  public static int command(String... args) {
    SpringApplication application = new SpringApplication(SimulatorApplication.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.setDefaultProperties(
        Map.of(
            "shouwang.simulator.mode",
            "command",
            // the platform's HTTP security needs a web application; a command has no endpoints
            "spring.autoconfigure.exclude",
            "org.shouwang.platform.security.PlatformSecurityConfiguration"));
    ConfigurableApplicationContext context = application.run(args);
    return SpringApplication.exit(context);
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
