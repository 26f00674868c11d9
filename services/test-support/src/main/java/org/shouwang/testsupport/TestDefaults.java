package org.shouwang.testsupport;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Defaults of every test JVM (test-support is a test dependency only): the demo accounts on, which
 * the services' own defaults leave off, so tests log in as the README's users without each test
 * saying so, and the contract topics keep their history forever. Placed just above the platform
 * defaults: a test's own properties still win.
 */
public class TestDefaults implements EnvironmentPostProcessor {

  static final String NAME = "shouwang-test-defaults";

  /** The property source name of the platform's defaults (PlatformDefaults, another module). */
  static final String PLATFORM_DEFAULTS = "shouwang-platform-defaults";

  // histories replayed with old record times must not meet the contract topics' retention mid-test
  static final Map<String, Object> PROPERTIES =
      Map.of("shouwang.security.demo-users", "true", "shouwang.kafka.history-retention", "0");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication app) {
    MutablePropertySources sources = environment.getPropertySources();
    if (sources.contains(NAME)) {
      return;
    }
    MapPropertySource defaults = new MapPropertySource(NAME, PROPERTIES);
    // the platform's defaults may be added before or after this one: stay above them either way
    if (sources.contains(PLATFORM_DEFAULTS)) {
      sources.addBefore(PLATFORM_DEFAULTS, defaults);
    } else {
      sources.addLast(defaults);
    }
  }
}
