package org.shouwang.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared test broker in a process of its own, for benchmarks that want the broker co-located
 * but out of the measured JVM (its heap, GC pauses and JIT apart, as in compose). Writes the
 * bootstrap servers to the file given as the only argument once the broker is up, and runs until
 * killed.
 */
public final class BrokerMain {

  private static final Logger log = LoggerFactory.getLogger(BrokerMain.class);

  private BrokerMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: BrokerMain <file for the bootstrap servers>");
    }
    String bootstrap = SharedKafka.bootstrapServers();
    Path target = Path.of(args[0]);
    // written whole, then moved: a reader never sees half an address
    Path partial = Path.of(args[0] + ".partial");
    Files.writeString(partial, bootstrap, StandardCharsets.US_ASCII);
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    log.info("broker up at {}", bootstrap);
    new CountDownLatch(1).await();
  }
}
