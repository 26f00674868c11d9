package org.shouwang.testsupport;

import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers, decided once per JVM. */
public final class Docker {

  private static final boolean AVAILABLE = detect();

  private Docker() {}

  public static boolean available() {
    return AVAILABLE;
  }

  private static boolean detect() {
    if (Boolean.getBoolean("shouwang.test.embedded")) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
