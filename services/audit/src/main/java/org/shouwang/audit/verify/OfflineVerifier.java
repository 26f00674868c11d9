package org.shouwang.audit.verify;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.shouwang.audit.chain.ChainVerifier;
import org.shouwang.audit.chain.VerificationResult;
import org.shouwang.audit.export.ExportReader;

/**
 * Re-verifies an export without the service or its database: recomputes every entry's hash from its
 * fields, checks each link between consecutive entries and, if given, compares against checkpoints
 * or an expected head.
 *
 * <pre>
 * java -Dloader.main=org.shouwang.audit.verify.OfflineVerifier \
 *   -cp services/audit/target/audit-0.1.0-SNAPSHOT.jar \
 *   org.springframework.boot.loader.launch.PropertiesLauncher \
 *   export.jsonl [--checkpoints checkpoints.jsonl] [--expect-head SEQUENCE:HASH]
 * </pre>
 *
 * Exit status 0 when everything holds, 1 when the chain breaks, 2 for bad arguments or input.
 */
public final class OfflineVerifier {

  private OfflineVerifier() {}

  public static void main(String[] args) {
    // a command-line tool answers on standard output (the services themselves only log)
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.exit(run(args, out));
  }

  /** Runs the verification, writing the report to {@code out}; returns the exit status. */
  public static int run(String[] args, PrintStream out) {
    Path export = null;
    Path checkpoints = null;
    String expectHead = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--checkpoints" -> checkpoints = i + 1 < args.length ? Path.of(args[++i]) : null;
        case "--expect-head" -> expectHead = i + 1 < args.length ? args[++i] : null;
        default -> export = Path.of(args[i]);
      }
    }
    if (export == null) {
      out.println(
          "usage: OfflineVerifier EXPORT(.jsonl|.csv) [--checkpoints FILE]"
              + " [--expect-head SEQUENCE:HASH]");
      return 2;
    }
    Map<Long, String> known = new HashMap<>();
    try {
      if (checkpoints != null) {
        known.putAll(CheckpointFile.asMap(CheckpointFile.read(checkpoints)));
      }
      if (expectHead != null) {
        int colon = expectHead.indexOf(':');
        known.put(Long.parseLong(expectHead.substring(0, colon)), expectHead.substring(colon + 1));
      }
    } catch (IOException | RuntimeException e) {
      out.println("ERROR: cannot read the checkpoints: " + e.getMessage());
      return 2;
    }
    VerificationResult result;
    try (Reader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8);
        ExportReader entries = new ExportReader(reader)) {
      ChainVerifier verifier = ChainVerifier.allowingGaps(known);
      while (entries.hasNext()) {
        if (!verifier.accept(entries.next())) {
          break;
        }
      }
      result = verifier.finish(false);
    } catch (IOException | RuntimeException e) {
      out.println("ERROR: cannot read " + export + ": " + e.getMessage());
      return 2;
    }
    if (!result.ok()) {
      out.println(
          "BROKEN at entry "
              + result.firstBreak().sequence()
              + ": "
              + result.firstBreak().problem()
              + ": "
              + result.firstBreak().reason());
      out.println("entries that held before it: " + result.checkedEntries());
      return 1;
    }
    out.println(
        "OK: "
            + result.checkedEntries()
            + " entries"
            + (result.checkedEntries() == 0
                ? ""
                : ", sequences "
                    + result.firstSequence()
                    + ".."
                    + result.headSequence()
                    + (result.gaps() == 0
                        ? " (contiguous)"
                        : " with " + result.gaps() + " gaps (a filtered export)")
                    + ", last hash "
                    + result.headHash())
            + ", checkpoints matched: "
            + result.checkpointsMatched());
    return 0;
  }
}
