package org.shouwang.audit.verify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shouwang.audit.chain.CanonicalEncoding;
import org.shouwang.audit.chain.ChainHead;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An append-only file of chain heads, one JSON line each: {@code
 * {"sequence":1200,"hash":"…","writtenAt":"…"}}. Written outside the database so that a rewrite of
 * the whole table (every hash recomputed) still disagrees with it.
 */
public final class CheckpointFile {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * One line of the file.
   *
   * @param sequence the head's sequence number
   * @param hash the head's hash
   * @param writtenAt when it was written
   */
  public record Checkpoint(long sequence, String hash, Instant writtenAt) {}

  private final Path path;

  public CheckpointFile(Path path) {
    this.path = path;
  }

  public Path path() {
    return path;
  }

  /** Appends a line and forces it to disk. */
  public synchronized Checkpoint append(ChainHead head, Instant now) throws IOException {
    Checkpoint checkpoint = new Checkpoint(head.sequence(), head.hash(), now);
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    String line =
        "{\"sequence\":"
            + checkpoint.sequence()
            + ",\"hash\":\""
            + checkpoint.hash()
            + "\",\"writtenAt\":\""
            + CanonicalEncoding.time(now)
            + "\"}\n";
    try (FileChannel channel =
        FileChannel.open(
            path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    }
    return checkpoint;
  }

  /**
   * Every readable checkpoint, in file order. A line that cannot be read (a write torn by a crash)
   * is skipped.
   */
  public synchronized List<Checkpoint> readAll() throws IOException {
    return read(path);
  }

  /** The checkpoints of a file, in file order; none if it does not exist. */
  public static List<Checkpoint> read(Path file) throws IOException {
    List<Checkpoint> checkpoints = new ArrayList<>();
    if (!Files.exists(file)) {
      return checkpoints;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode node = JSON.readTree(line);
        checkpoints.add(
            new Checkpoint(
                node.get("sequence").asLong(),
                node.get("hash").asString(),
                Instant.parse(node.get("writtenAt").asString())));
      } catch (RuntimeException torn) {
        // a line cut short by a crash while writing: the earlier lines still count
      }
    }
    return checkpoints;
  }

  /** Sequence number to hash; a later line for the same sequence wins. */
  public static Map<Long, String> asMap(List<Checkpoint> checkpoints) {
    Map<Long, String> map = new LinkedHashMap<>();
    for (Checkpoint c : checkpoints) {
      map.put(c.sequence(), c.hash());
    }
    return map;
  }
}
