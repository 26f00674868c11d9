package org.shouwang.testsupport;

import java.util.concurrent.CountDownLatch;

/**
 * The shared test broker in a process of its own, for benchmarks that want the broker co-located
 * but out of the measured JVM (its heap, GC pauses and JIT apart, as in compose). Prints {@code
 * bootstrap=<servers>} once the broker is up and runs until killed.
 */
public final class BrokerMain {

  private BrokerMain() {}

  public static void main(String[] args) throws InterruptedException {
    System.out.println("bootstrap=" + SharedKafka.bootstrapServers());
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
