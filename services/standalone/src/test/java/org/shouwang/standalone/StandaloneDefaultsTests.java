package org.shouwang.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StandaloneDefaultsTests {

  @ParameterizedTest
  @EnumSource(ServiceModule.class)
  void installsTheDemoAccountsInEveryService(ServiceModule module) {
    assertThat(StandaloneDefaults.of(module, Path.of("/data")))
        .containsEntry("shouwang.security.demo-users", "true");
  }

  @Test
  void keepsEachServicesOwnDefaults() {
    assertThat(StandaloneDefaults.of(ServiceModule.RISK_ENGINE, Path.of("/data")))
        .containsEntry(
            "shouwang.risk-engine.state-dir", Path.of("/data/risk-engine/state").toString());
  }

  @Test
  void streamsADemoSizedCounty() {
    assertThat(StandaloneDefaults.of(ServiceModule.SIMULATOR, Path.of("/data")))
        .containsEntry("shouwang.simulator.county.households", "15000");
  }
}
