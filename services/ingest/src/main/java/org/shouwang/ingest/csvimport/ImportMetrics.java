package org.shouwang.ingest.csvimport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.shouwang.ingest.intake.RecordKind;

/**
 * Files taken by the import endpoints. Rows by format and outcome are the intake's {@code
 * shouwang.ingest.records} with {@code channel} {@code csv} or {@code xlsx}; this counts the files
 * themselves, by how they came and what they turned out to be. Every tag from a closed set.
 */
final class ImportMetrics {

  static final String FILES = "shouwang.ingest.import.files";

  /** How a file came: the raw body, or the {@code file} part of a multipart form. */
  enum Upload {
    BODY,
    MULTIPART
  }

  /** What became of a file as a whole. */
  enum Outcome {
    /** Its rows went to the intake (each row's fate is in the row counts). */
    READ,
    /** Refused as a whole: unreadable, bad header, no rows, too many rows. */
    REFUSED
  }

  private final MeterRegistry registry;

  ImportMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * Counts one file.
   *
   * @param format {@code csv} or {@code xlsx}
   * @param encoding {@code utf-8}, {@code gb18030}, {@code utf-16}, {@code other}; {@code none} for
   *     a workbook or a file refused before decoding
   */
  void file(RecordKind kind, String format, String encoding, Upload upload, Outcome outcome) {
    Counter.builder(FILES)
        .description("Files received by the import endpoints, by format, encoding and outcome")
        .tag("kind", kind.tag())
        .tag("format", format)
        .tag("encoding", encoding)
        .tag("upload", upload.name().toLowerCase(Locale.ROOT))
        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }
}
