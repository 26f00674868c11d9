package org.shouwang.simulator.run;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a service run has got to, kept in a file so that a restarted simulator resumes instead of
 * streaming its year again: the plan's window and seed (so the same plan is generated) and the
 * simulated time up to which every record has been sent and flushed.
 *
 * @param seed the plan's seed
 * @param start the plan's simulated start
 * @param end the plan's simulated end
 * @param position every record at or before this time has been sent
 */
record SimulationProgress(long seed, OffsetDateTime start, OffsetDateTime end, Instant position) {

  private static final Logger log = LoggerFactory.getLogger(SimulationProgress.class);

  /** The progress in the file, or empty when there is none or it cannot be read. */
  static Optional<SimulationProgress> read(Path file) {
    if (file == null || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
      return Optional.of(
          new SimulationProgress(
              Long.parseLong(p.getProperty("seed")),
              OffsetDateTime.parse(p.getProperty("start")),
              OffsetDateTime.parse(p.getProperty("end")),
              Instant.parse(p.getProperty("position"))));
    } catch (IOException | RuntimeException e) {
      log.warn("ignoring unreadable simulation progress in {}: {}", file, e.toString());
      return Optional.empty();
    }
  }

  /** Writes the progress atomically (a crash leaves the old or the new file, never half). */
  void write(Path file) {
    Properties p = new Properties();
    p.setProperty("seed", Long.toString(seed));
    p.setProperty("start", start.toString());
    p.setProperty("end", end.toString());
    p.setProperty("position", position.toString());
    try {
      Path directory = file.toAbsolutePath().getParent();
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, "progress", ".tmp");
      try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        p.store(out, "Shouwang simulator progress: delete this file to simulate the year again");
      }
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the simulation progress to " + file, e);
    }
  }

  SimulationProgress at(Instant newPosition) {
    return new SimulationProgress(seed, start, end, newPosition);
  }
}
