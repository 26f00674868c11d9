package org.shouwang.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationProgressTests {

  @TempDir Path directory;

  @Test
  void readsBackWhatItWrote() {
    Path file = directory.resolve("simulator/progress.properties");
    SimulationProgress progress =
        new SimulationProgress(
            430421L,
            OffsetDateTime.parse("2025-11-29T08:00:00+08:00"),
            OffsetDateTime.parse("2026-11-29T08:00:00+08:00"),
            Instant.parse("2026-03-01T00:00:00Z"));

    progress.write(file);
    progress.at(Instant.parse("2026-04-01T00:00:00Z")).write(file);

    assertThat(SimulationProgress.read(file))
        .contains(progress.at(Instant.parse("2026-04-01T00:00:00Z")));
  }

  @Test
  void startsAfreshWithoutAFileOrWithAnUnreadableOne() throws IOException {
    Path file = directory.resolve("progress.properties");
    assertThat(SimulationProgress.read(file)).isEmpty();
    assertThat(SimulationProgress.read(null)).isEmpty();

    Files.writeString(file, "seed=not-a-number\n");

    assertThat(SimulationProgress.read(file)).isEmpty();
  }
}
