package org.shouwang.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the defaults every service starts from (actuator exposure, problem details, metric tags)
 * with the lowest precedence, before any auto-configuration reads them: a service's own
 * configuration, the environment and arguments all win. An {@code @PropertySource} on an
 * auto-configuration would come too late for conditions such as problem details.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

  static final String NAME = "shouwang-platform-defaults";
  private static final String LOCATION = "shouwang-platform-defaults.properties";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication app) {
    if (environment.getPropertySources().contains(NAME)) {
      return;
    }
    try {
      environment
          .getPropertySources()
          .addLast(new ResourcePropertySource(NAME, new ClassPathResource(LOCATION)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + LOCATION, e);
    }
  }
}
