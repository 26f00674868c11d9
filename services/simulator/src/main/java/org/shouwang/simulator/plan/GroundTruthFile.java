package org.shouwang.simulator.plan;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shouwang.events.ContractJson;

/**
 * Writes and reads the ground truth as JSON lines: one object per label with {@code householdId},
 * {@code rule}, {@code expectedAt}, {@code evidence} and {@code detail}.
 */
public final class GroundTruthFile {

  private GroundTruthFile() {}

  /** Writes the labels to a file, replacing it; creates missing parent directories. */
  public static void write(Path file, List<GroundTruth> labels) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (GroundTruth label : labels) {
          out.write(line(label));
          out.newLine();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the ground truth to " + file, e);
    }
  }

  /** One label as a JSON line. */
  public static String line(GroundTruth label) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("householdId", label.householdId());
    json.put("rule", label.rule().name());
    json.put("expectedAt", label.expectedAt().toString());
    json.put("evidence", label.evidence());
    json.put("detail", label.detail());
    return ContractJson.mapper().writeValueAsString(json);
  }

  /** Reads labels written by {@link #write}. */
  public static List<GroundTruth> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .filter(l -> !l.isBlank())
          .map(l -> ContractJson.mapper().readValue(l, GroundTruth.class))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ground truth from " + file, e);
    }
  }
}
