package org.shouwang.riskengine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NameBasedUuidsTests {

  @Test
  void givesTheJdksNameBasedUuidForEveryName() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 10_000; i++) {
      byte[] name = new byte[random.nextInt(200)];
      random.nextBytes(name);
      assertThat(NameBasedUuids.of(name)).isEqualTo(UUID.nameUUIDFromBytes(name));
    }
  }

  @Test
  void anAlertIdentityGivesAVersion3Uuid() {
    byte[] identity = "430421-105-00001|UNSAFE_HOUSING|-|C|e1".getBytes(StandardCharsets.UTF_8);
    UUID id = NameBasedUuids.of(identity);
    assertThat(id.version()).isEqualTo(3);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(NameBasedUuids.of(identity)).as("the same every time").isEqualTo(id);
  }
}
