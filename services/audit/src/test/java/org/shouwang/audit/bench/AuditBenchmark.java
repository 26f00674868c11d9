package org.shouwang.audit.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.shouwang.audit.chain.NewEntry;
import org.shouwang.audit.chain.VerificationResult;
import org.shouwang.audit.consumer.RecordClassifier;
import org.shouwang.audit.store.AuditDatabase;
import org.shouwang.platform.kafka.ContractTopics;
import org.shouwang.platform.kafka.KafkaTopicsProperties;

/**
 * Appends N records through the service's real path (classify the raw Kafka record, then append
 * batches as the consumer does: one transaction, advisory lock, duplicate check, hash in Java,
 * COPY) into the embedded PostgreSQL, then verifies the whole chain with the cursor walk the
 * service uses. Not a surefire test: run {@code bench/audit.sh [entries] [batch] [threads]}.
 */
public final class AuditBenchmark {

  /** Entries per second the risk engine's plain Kafka Streams baseline reaches (issue #6). */
  private static final int APPEND_GOAL = 38_000;

  private static final int VERIFY_GOAL = 100_000;

  private AuditBenchmark() {}

  private static String verdict(double rate, int goal) {
    return rate >= goal ? "MET (wall)" : "NOT MET (wall)";
  }

  public static void main(String[] args) throws Exception {
    int entries = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    // two appending threads, like the consumer's default shouwang.audit.consumer.concurrency
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    String load = loadAverage();

    RecordClassifier classifier =
        new RecordClassifier(new ContractTopics(new KafkaTopicsProperties("", 6, (short) 1, true)));
    // as many entries again to warm up first: with fewer, the JIT compiler still takes about half
    // of the JVM's CPU time during the measured append (reported below as "JIT")
    int warmUp = Integer.getInteger("bench.warmUp", entries);
    List<List<ConsumerRecord<byte[], byte[]>>> batches = new ArrayList<>();
    for (int offset = warmUp; offset < warmUp + entries; offset += batch) {
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(batch);
      for (int i = offset; i < Math.min(warmUp + entries, offset + batch); i++) {
        records.add(record(i));
      }
      batches.add(records);
    }

    try (AuditDatabase db = new AuditDatabase("auditbench", 10_000)) {
      // experiments: -Dbench.sql="DROP INDEX audit_log_kind; ..." runs as superuser first
      String sql = System.getProperty("bench.sql", "");
      if (!sql.isBlank()) {
        try (java.sql.Connection c = db.superuser()) {
          for (String statement : sql.split(";")) {
            if (!statement.isBlank()) {
              c.createStatement().execute(statement);
            }
          }
        }
      }
      // warm up the JIT and the connection pool with as many records first (they stay in
      // the chain and are verified with the rest)
      for (int offset = 0; offset < warmUp; offset += batch) {
        List<NewEntry> newEntries = new ArrayList<>();
        for (int i = offset; i < Math.min(warmUp, offset + batch); i++) {
          newEntries.add(classifier.classify(record(i)));
        }
        db.log().append(newEntries);
      }
      // and the verification walk (the service verifies every hour: its code is warm too)
      db.log().verify(null, null, Map.of());

      // the records built up front are the benchmark's, not the consumer's: settle them first so
      // that their promotion is not charged to the append
      System.gc();
      long gcMillis = gcMillis();
      Map<String, Long> threadsBefore = jvmThreadTicks();
      long jvmCpu = jvmCpuNanos();
      Map<Long, Long> pgCpu = postgresCpuTicks(db);
      long started = System.nanoTime();
      // like the consumer with `concurrency` threads: each thread takes every n-th batch,
      // classifies it outside the chain lock and appends it (the advisory lock serialises appends)
      java.util.concurrent.atomic.AtomicLong classifying =
          new java.util.concurrent.atomic.AtomicLong();
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(threads);
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int b = thread; b < batches.size(); b += threads) {
                    long c = System.nanoTime();
                    List<NewEntry> newEntries = new ArrayList<>(batch);
                    for (ConsumerRecord<byte[], byte[]> r : batches.get(b)) {
                      newEntries.add(classifier.classify(r));
                    }
                    classifying.addAndGet(System.nanoTime() - c);
                    db.log().append(newEntries);
                  }
                  return null;
                }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get();
      }
      double appendSeconds = (System.nanoTime() - started) / 1e9;
      double appendJvmCpu = (jvmCpuNanos() - jvmCpu) / 1e9;
      double appendPgCpu = cpuSecondsSince(pgCpu, postgresCpuTicks(db));
      long appendGcMillis = gcMillis() - gcMillis;
      String appendThreads = ticksSince(threadsBefore, jvmThreadTicks());
      pool.shutdown();
      System.out.printf(
          "appending threads: %d; classifying (JSON parse, kind, actor): %.2f s of thread time;"
              + " garbage collection pauses during the append: %d ms%n",
          threads, classifying.get() / 1e9, appendGcMillis);

      if (Boolean.getBoolean("bench.explain")) {
        try (java.sql.Connection c = db.superuser()) {
          c.createStatement().execute("ANALYZE audit_log");
          c.createStatement().execute("SET enable_sort = off");
        }
        for (String q : System.getProperty("bench.explain.sql", "").split(";")) {
          if (q.isBlank()) {
            continue;
          }
          try (java.sql.Connection c = db.superuser()) {
            c.createStatement().execute("SET enable_seqscan = off");
            try (java.sql.ResultSet rs =
                c.createStatement().executeQuery("EXPLAIN (ANALYZE, BUFFERS OFF) " + q)) {
              System.out.println("-- " + q);
              while (rs.next()) {
                System.out.println(rs.getString(1));
              }
            }
          }
        }
      }
      threadsBefore = jvmThreadTicks();
      jvmCpu = jvmCpuNanos();
      pgCpu = postgresCpuTicks(db);
      started = System.nanoTime();
      VerificationResult result = db.log().verify(null, null, Map.of());
      double verifySeconds = (System.nanoTime() - started) / 1e9;
      double verifyJvmCpu = (jvmCpuNanos() - jvmCpu) / 1e9;
      double verifyPgCpu = cpuSecondsSince(pgCpu, postgresCpuTicks(db));
      String verifyThreads = ticksSince(threadsBefore, jvmThreadTicks());
      // CPU time does not depend on what else the machine runs. Both pipelines overlap work on
      // several threads and processes, so on an idle machine with two cores the wall time lies
      // between the CPU time over two cores (perfect overlap) and the sum (no overlap at all)
      long verified = result.checkedEntries();
      double appendRate = entries / appendSeconds;
      double verifyRate = verified / verifySeconds;
      System.out.printf(
          "%n== audit benchmark (%,d entries appended in batches of %,d by %d thread(s), then %,d"
              + " verified) ==%n"
              + "load average before: %s, after: %s%n"
              + "append: %,.0f entries/s wall (%.2f s); CPU JVM %.2f s + PostgreSQL %.2f s ="
              + " %.1f + %.1f us per entry -> %,.0f..%,.0f entries/s on an idle 2-core machine%n"
              + "verify: %,.0f entries/s wall (%.2f s); CPU JVM %.2f s + PostgreSQL %.2f s ="
              + " %.1f + %.1f us per entry -> %,.0f..%,.0f entries/s on an idle 2-core machine;"
              + " ok=%s head=%d%n"
              + "JVM CPU by thread: append %s; verify %s%n"
              + "GOAL append >= %,d entries/s (the risk engine's full rate): %s%n"
              + "GOAL verify >= %,d entries/s: %s%n",
          entries,
          batch,
          threads,
          verified,
          load,
          loadAverage(),
          appendRate,
          appendSeconds,
          appendJvmCpu,
          appendPgCpu,
          appendJvmCpu / entries * 1e6,
          appendPgCpu / entries * 1e6,
          entries / (appendJvmCpu + appendPgCpu),
          2 * entries / (appendJvmCpu + appendPgCpu),
          verifyRate,
          verifySeconds,
          verifyJvmCpu,
          verifyPgCpu,
          verifyJvmCpu / verified * 1e6,
          verifyPgCpu / verified * 1e6,
          verified / (verifyJvmCpu + verifyPgCpu),
          2 * verified / (verifyJvmCpu + verifyPgCpu),
          result.ok(),
          result.headSequence(),
          appendThreads,
          verifyThreads,
          APPEND_GOAL,
          verdict(appendRate, APPEND_GOAL),
          VERIFY_GOAL,
          verdict(verifyRate, VERIFY_GOAL));
      if (Boolean.parseBoolean(System.getProperty("bench.search", "true"))) {
        System.out.println("searches (first page of 100, median of 5, after ANALYZE):");
        for (String line :
            org.shouwang.audit.search.SearchTimings.run(
                db.log(), "430421-105-00123", "cadre-0007")) {
          System.out.println("  " + line);
        }
      }
      if (!result.ok() || result.checkedEntries() != entries + (long) warmUp) {
        throw new IllegalStateException("benchmark chain did not verify: " + result);
      }
    }
  }

  private static ConsumerRecord<byte[], byte[]> record(int i) {
    String household = "430421-105-" + String.format("%05d", Math.floorMod(i, 20_000));
    String topic;
    String json;
    int kind = Math.floorMod(i, 500) == 499 ? 4 : Math.floorMod(i, 4);
    switch (kind) {
      case 0 -> {
        topic = "household.events";
        json =
            "{\"eventId\":\""
                + UUID.randomUUID()
                + "\",\"householdId\":\""
                + household
                + "\",\"type\":\"MEDICAL_EXPENSE\",\"occurredAt\":\"2026-03-02T09:30:00+08:00\","
                + "\"source\":\"DEPARTMENT\",\"department\":\"MEDICAL_INSURANCE\","
                + "\"data\":{\"memberId\":\"m2\",\"outOfPocket\":8500.00,\"inpatient\":true}}";
      }
      case 1 -> {
        topic = "subsidy.payments";
        json =
            "{\"paymentId\":\""
                + UUID.randomUUID()
                + "\",\"householdId\":\""
                + household
                + "\",\"programme\":\"MINIMUM_LIVING_ALLOWANCE\",\"period\":\"2026-03\","
                + "\"amount\":720.00,\"paidAt\":\"2026-03-10T10:00:00+08:00\",\"payer\":\"衡阳县民政局\"}";
      }
      case 2 -> {
        topic = "risk.alerts";
        json =
            "{\"alertId\":\""
                + UUID.randomUUID()
                + "\",\"householdId\":\""
                + household
                + "\",\"rule\":\"MEDICAL_BURDEN\",\"ruleVersion\":1,\"riskType\":\"ILLNESS\","
                + "\"severity\":\"HIGH\",\"audience\":\"CADRE\",\"detectedAt\":\"2026-03-02T09:31:00+08:00\","
                + "\"evidence\":[\"e1\"],\"message\":\"近12个月合规自付医疗费用 8,500 元，超过预警线 5,000 元\","
                + "\"townshipCode\":\"430421101\",\"villageCode\":\"430421101001\",\"cadreId\":\"cadre-0001\"}";
      }
      case 4 -> {
        // a dead letter now and then (rare kinds and families for the search timings)
        topic = "household.events.dlt";
        json = "{\"householdId\":\"" + household + "\",\"type\":\"NOT_A_TYPE\"}";
      }
      default -> {
        topic = "case.events";
        json =
            "{\"eventId\":\""
                + UUID.randomUUID()
                + "\",\"caseId\":\"k1\",\"householdId\":\""
                + household
                + "\",\"audience\":\"CADRE\",\"action\":\"ACKNOWLEDGED\",\"state\":\"ACKNOWLEDGED\","
                + "\"severity\":\"HIGH\",\"actor\":\"cadre-"
                + String.format("%04d", Math.floorMod(i, 997))
                + "\",\"at\":\"2026-03-02T10:00:00+08:00\"}";
      }
    }
    byte[] value = json.getBytes(StandardCharsets.UTF_8);
    return new ConsumerRecord<>(
        topic,
        Math.floorMod(i, 6),
        i + 1L,
        System.currentTimeMillis(),
        TimestampType.CREATE_TIME,
        household.length(),
        value.length,
        household.getBytes(StandardCharsets.UTF_8),
        value,
        new RecordHeaders(),
        Optional.empty());
  }

  /** CPU ticks of the JVM's threads by kind (JIT compilers, garbage collector, the rest). */
  private static Map<String, Long> jvmThreadTicks() {
    Map<String, Long> ticks = new java.util.TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          String kind =
              name.startsWith("C1 Comp") || name.startsWith("C2 Comp")
                  ? "JIT"
                  : name.startsWith("GC Thread") || name.startsWith("VM Thread") ? "GC" : "work";
          ticks.merge(kind, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
        } catch (Exception gone) {
          // the thread ended
        }
      }
    } catch (Exception e) {
      // not Linux: left out
    }
    return ticks;
  }

  private static String ticksSince(Map<String, Long> before, Map<String, Long> after) {
    StringBuilder out = new StringBuilder();
    for (var e : after.entrySet()) {
      out.append(out.length() == 0 ? "" : ", ")
          .append(e.getKey())
          .append(' ')
          .append(
              String.format(
                  "%.2f s", (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 100.0));
    }
    return out.toString();
  }

  private static long gcMillis() {
    long total = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * CPU ticks of every process of the benchmark's own embedded server (backends, WAL writer...).
   */
  private static Map<Long, Long> postgresCpuTicks(AuditDatabase db) throws Exception {
    Map<Long, Long> ticks = new java.util.HashMap<>();
    try (java.sql.Connection c = db.superuser();
        java.sql.ResultSet rs =
            c.createStatement().executeQuery("SELECT pid FROM pg_stat_activity")) {
      while (rs.next()) {
        long pid = rs.getLong(1);
        try {
          String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
        } catch (Exception gone) {
          // the process ended or is not visible: left out
        }
      }
    }
    return ticks;
  }

  private static double cpuSecondsSince(Map<Long, Long> before, Map<Long, Long> after) {
    long ticks = 0;
    for (var e : after.entrySet()) {
      ticks += e.getValue() - before.getOrDefault(e.getKey(), 0L);
    }
    return ticks / 100.0;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (Exception e) {
      return "unknown";
    }
  }
}
