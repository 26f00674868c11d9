package org.shouwang.ingest.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.shouwang.events.ContractReader;
import org.shouwang.events.ContractSerdes;
import org.shouwang.events.Department;
import org.shouwang.events.EmploymentKind;
import org.shouwang.events.EventData;
import org.shouwang.events.HouseholdEvent;
import org.shouwang.events.Source;
import org.shouwang.events.Topics;
import org.shouwang.ingest.IngestApplication;
import org.shouwang.testsupport.SharedKafka;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Side by side in one run, on one local broker: a plain idempotent {@code acks=all} lz4 {@code
 * KafkaProducer} sending N contract records (~300 bytes) to a topic, then the same N records
 * through {@code POST /api/v1/household-events} in batches of 10,000 from a few concurrent HTTP
 * clients. Prints events/s of both and their ratio. Run it with {@code bench/ingest.sh}.
 *
 * <p>Options: {@code --records N} (default 1000000, the figure), {@code --clients C}
 * (default 4 concurrent senders, as several department systems would be), {@code --batch B}
 * (default 10000), {@code --warmup W} (default 300000 records through each path first, not
 * measured: the endpoint runs far more code than a bare producer, and the JIT compiler is still
 * busy with it after 100,000), {@code --rounds R} (default 2: the measured records are split in R
 * parts and the paths take turns, raw then endpoint, on each, so that a load changing during the
 * run weighs on both; the rates are over all rounds).
 */
public final class IngestBenchmark {

  private static final PrintStream OUT = System.out;
  private static final int PARTITIONS = 6;
  private static final String USER = "ingest";
  private static final ContractReader READER = new ContractReader();
  private static final int GOAL_RATE = 100_000;
  private static final double GOAL_RATIO = 1.0 / 3;

  private IngestBenchmark() {}

  public static void main(String[] args) {
    int status = 0;
    try {
      run(options(args));
    } catch (Exception e) {
      e.printStackTrace();
      status = 1;
    }
    // the embedded broker's threads would keep the JVM alive
    System.exit(status);
  }

  private static void run(Map<String, Integer> options) throws Exception {
    int records = options.getOrDefault("records", 1_000_000);
    int clients = options.getOrDefault("clients", 4);
    int batch = options.getOrDefault("batch", 10_000);
    int warmup = options.getOrDefault("warmup", 300_000);
    int rounds = options.getOrDefault("rounds", 2);

    String bootstrap = SharedKafka.bootstrapServers();
    String prefix = SharedKafka.uniqueTopic("bench") + ".";
    String rawTopic = prefix + "raw.household.events";
    String ingestTopic = prefix + Topics.HOUSEHOLD_EVENTS.name();
    SharedKafka.createTopics(PARTITIONS, rawTopic);

    Map<String, Object> props = new HashMap<>();
    props.put("server.port", "0");
    props.put("spring.kafka.bootstrap-servers", bootstrap);
    props.put("shouwang.kafka.topic-prefix", prefix);
    props.put("shouwang.kafka.partitions", String.valueOf(PARTITIONS));
    props.put("shouwang.ingest.max-records", String.valueOf(Math.max(batch, 10_000)));
    props.put("logging.level.root", "WARN");
    props.put("logging.level.org.apache.kafka", "ERROR");
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(IngestApplication.class).properties(props).run()) {
      int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      URI uri = URI.create("http://localhost:" + port + "/api/v1/household-events");

      OUT.printf("generating %,d + %,d warm-up records...%n", records, warmup);
      List<byte[]> warm = generate(warmup, new Random(1));
      List<byte[]> measured = generate(records, new Random(2));
      long bytes = measured.stream().mapToLong(b -> b.length).sum();
      OUT.printf(
          "records: %,d, average %d bytes, batches of %,d, %d HTTP clients, %d partitions, %d cores%n",
          records,
          bytes / records,
          batch,
          clients,
          PARTITIONS,
          Runtime.getRuntime().availableProcessors());

      try (KafkaProducer<String, byte[]> raw = rawProducer(bootstrap)) {
        OUT.println("warming up...");
        sendRaw(raw, rawTopic, warm);
        postAll(uri, bodies(warm, batch), clients);

        // the paths take turns (raw, endpoint, raw, endpoint...), each round on its own share of
        // the records: a load that changes during the run then weighs on both alike
        int perRound = (records / rounds + batch - 1) / batch * batch;
        Phase rawPhase = Phase.NONE;
        Phase httpPhase = Phase.NONE;
        for (int from = 0, round = 1; from < records; from += perRound, round++) {
          List<byte[]> part = measured.subList(from, Math.min(records, from + perRound));
          List<byte[]> bodies = bodies(part, batch);
          rawPhase =
              rawPhase.plus(
                  measure("raw, round " + round, part.size(), () -> sendRaw(raw, rawTopic, part)));
          httpPhase =
              httpPhase.plus(
                  measure(
                      "endpoint, round " + round,
                      part.size(),
                      () -> postAll(uri, bodies, clients)));
        }
        double rawRate = rawPhase.rate();
        double httpRate = httpPhase.rate();
        double ratio = httpRate / rawRate;
        OUT.printf(
            "raw KafkaProducer:   %,10.0f events/s   (JVM CPU %5.1f µs/record)%n",
            rawRate, rawPhase.cpuMicrosPerRecord());
        OUT.printf(
            "POST batch endpoint: %,10.0f events/s   (JVM CPU %5.1f µs/record)%n",
            httpRate, httpPhase.cpuMicrosPerRecord());
        OUT.printf("ratio endpoint/raw:  %10.2f%n", ratio);
        OUT.printf("  JVM CPU µs/record by thread, raw:      %s%n", rawPhase.breakdown());
        OUT.printf("  JVM CPU µs/record by thread, endpoint: %s%n", httpPhase.breakdown());
        boolean met = httpRate >= GOAL_RATE && ratio >= GOAL_RATIO;
        OUT.printf(
            "goal (issue #3): endpoint >= %,d events/s and >= 1/3 of raw: %s (%s, %s)%n",
            GOAL_RATE,
            met ? "MET" : "NOT MET",
            httpRate >= GOAL_RATE ? "rate met" : "rate not met",
            ratio >= GOAL_RATIO ? "ratio met" : "ratio not met");

        long rawCount = count(rawTopic);
        long ingestCount = count(ingestTopic);
        OUT.printf(
            "records on the topics: raw %,d, ingest %,d (expected %,d each)%n",
            rawCount, ingestCount, warmup + records);
        if (rawCount != warmup + records || ingestCount != warmup + records) {
          throw new IllegalStateException("a topic does not hold every record sent");
        }
      }
    }
  }

  /** Contract records as the contract serde writes them: what ingest itself would produce. */
  static List<byte[]> generate(int n, Random random) {
    List<byte[]> out = new ArrayList<>(n);
    OffsetDateTime base = OffsetDateTime.of(2026, 3, 1, 8, 0, 0, 0, ZoneOffset.ofHours(8));
    for (int i = 0; i < n; i++) {
      String household =
          String.format("430421-%03d-%05d", 101 + random.nextInt(25), random.nextInt(15_000));
      String member = household + "-m" + (1 + random.nextInt(5));
      OffsetDateTime at = base.plusSeconds(random.nextInt(180 * 86_400));
      EventData data;
      Department department;
      switch (i % 3) {
        case 0 -> {
          data =
              new EventData.MedicalExpense(
                  member, BigDecimal.valueOf(random.nextInt(2_000_000), 2), random.nextBoolean());
          department = Department.MEDICAL_INSURANCE;
        }
        case 1 -> {
          data =
              new EventData.EmploymentChanged(
                  member,
                  random.nextBoolean(),
                  EmploymentKind.values()[random.nextInt(EmploymentKind.values().length)],
                  BigDecimal.valueOf(200_000 + random.nextInt(400_000), 2));
          department = Department.HUMAN_RESOURCES;
        }
        default -> {
          int members = 1 + random.nextInt(6);
          data =
              new EventData.HouseholdRegistered(
                  "430421" + (101 + random.nextInt(25)),
                  "界牌镇",
                  "430421105" + (200 + random.nextInt(30)),
                  "将军村",
                  members,
                  random.nextInt(Math.min(members, 3) + 1),
                  random.nextBoolean(),
                  "cadre-" + random.nextInt(900),
                  null);
          department = Department.CIVIL_AFFAIRS;
        }
      }
      HouseholdEvent event =
          HouseholdEvent.of(
              UUID.randomUUID().toString(), household, at, Source.DEPARTMENT, department, data);
      byte[] json = ContractSerdes.toJson(event);
      // every record must be valid, or the endpoint would be measured rejecting them
      READER.readHouseholdEvent(json).orElseThrow();
      out.add(json);
    }
    return out;
  }

  private static KafkaProducer<String, byte[]> rawProducer(String bootstrap) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
    return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  private static final Pattern HOUSEHOLD = Pattern.compile("\"householdId\":\"([^\"]+)\"");

  private static void sendRaw(
      KafkaProducer<String, byte[]> producer, String topic, List<byte[]> records) {
    AtomicReference<Exception> failure = new AtomicReference<>();
    for (byte[] value : records) {
      // the key is the household id, as ingest sends it (found the cheap way)
      Matcher m =
          HOUSEHOLD.matcher(
              new String(value, 0, Math.min(value.length, 120), StandardCharsets.UTF_8));
      String key = m.find() ? m.group(1) : null;
      producer.send(
          new ProducerRecord<>(topic, key, value),
          (metadata, e) -> {
            if (e != null) {
              failure.compareAndSet(null, e);
            }
          });
    }
    producer.flush();
    if (failure.get() != null) {
      throw new IllegalStateException("the raw producer failed", failure.get());
    }
  }

  private static List<byte[]> bodies(List<byte[]> records, int batch) {
    List<byte[]> bodies = new ArrayList<>();
    for (int from = 0; from < records.size(); from += batch) {
      List<byte[]> slice = records.subList(from, Math.min(records.size(), from + batch));
      int size = 2 + slice.stream().mapToInt(b -> b.length + 1).sum();
      byte[] body = new byte[size];
      int at = 0;
      body[at++] = '[';
      for (int i = 0; i < slice.size(); i++) {
        if (i > 0) {
          body[at++] = ',';
        }
        byte[] record = slice.get(i);
        System.arraycopy(record, 0, body, at, record.length);
        at += record.length;
      }
      body[at++] = ']';
      bodies.add(java.util.Arrays.copyOf(body, at));
    }
    return bodies;
  }

  private static final Pattern ACCEPTED = Pattern.compile("\"accepted\":(\\d+)");
  private static final Pattern RECEIVED = Pattern.compile("\"received\":(\\d+)");

  private static void postAll(URI uri, List<byte[]> bodies, int clients) {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((USER + ":shouwang").getBytes(StandardCharsets.UTF_8));
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < bodies.size();
                      i = next.getAndIncrement()) {
                    HttpRequest request =
                        HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json")
                            .header("Authorization", auth)
                            .timeout(Duration.ofMinutes(2))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i)))
                            .build();
                    HttpResponse<String> response =
                        http.send(request, HttpResponse.BodyHandlers.ofString());
                    String head =
                        response.body().substring(0, Math.min(200, response.body().length()));
                    Matcher accepted = ACCEPTED.matcher(head);
                    Matcher received = RECEIVED.matcher(head);
                    if (response.statusCode() != 202
                        || !accepted.find()
                        || !received.find()
                        || !accepted.group(1).equals(received.group(1))) {
                      throw new IllegalStateException(
                          "batch " + i + ": " + response.statusCode() + " " + head);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdown();
    }
  }

  private static long count(String topic) throws Exception {
    try (Admin admin = SharedKafka.admin()) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < PARTITIONS; p++) {
        latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
      return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
          .mapToLong(r -> r.offset())
          .sum();
    }
  }

  /**
   * A measured phase: its wall time and the CPU time the whole JVM (broker, producer, server,
   * clients, garbage collector) spent in it; the latter is a proxy for cost per record that a busy
   * machine distorts less than the rate.
   */
  private record Phase(int records, double seconds, double cpuSeconds, Map<String, Long> threads) {

    static final Phase NONE = new Phase(0, 0, 0, Map.of());

    /** This phase and another of the same path, as one. */
    Phase plus(Phase other) {
      Map<String, Long> merged = new java.util.TreeMap<>(threads);
      other.threads.forEach((group, nanos) -> merged.merge(group, nanos, Long::sum));
      return new Phase(
          records + other.records, seconds + other.seconds, cpuSeconds + other.cpuSeconds, merged);
    }

    double rate() {
      return records / seconds;
    }

    double cpuMicrosPerRecord() {
      return cpuSeconds * 1e6 / records;
    }

    /** µs of CPU per record by group of threads; what no Java thread spent is GC, JIT and VM. */
    String breakdown() {
      StringBuilder line = new StringBuilder();
      long javaNanos = 0;
      for (Map.Entry<String, Long> group : threads.entrySet()) {
        javaNanos += group.getValue();
        line.append(String.format("%s %.1f, ", group.getKey(), group.getValue() / 1e3 / records));
      }
      return line.append(
              String.format("GC/JIT/VM %.1f", (cpuSeconds * 1e9 - javaNanos) / 1e3 / records))
          .toString();
    }
  }

  /** CPU time of every live thread so far, by thread id. */
  private static Map<Long, Long> threadCpu() {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Map<Long, Long> cpu = new HashMap<>();
    for (long id : bean.getAllThreadIds()) {
      long nanos = bean.getThreadCpuTime(id);
      if (nanos >= 0) {
        cpu.put(id, nanos);
      }
    }
    return cpu;
  }

  /** What a thread is, for the CPU breakdown. */
  private static String group(String thread) {
    if (thread.startsWith("http-nio")) {
      return "server";
    }
    if (thread.startsWith("kafka-producer-network-thread")) {
      return "producer I/O";
    }
    if (thread.startsWith("HttpClient") || thread.startsWith("pool-")) {
      return "HTTP clients";
    }
    if (thread.equals("main")) {
      return "main";
    }
    return "broker and other";
  }

  /** CPU spent by each group of threads between two snapshots. */
  private static Map<String, Long> spent(Map<Long, Long> before, Map<Long, Long> after) {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Map<String, Long> groups = new java.util.TreeMap<>();
    after.forEach(
        (id, nanos) -> {
          ThreadInfo info = bean.getThreadInfo(id);
          String name = info == null ? "gone" : info.getThreadName();
          groups.merge(group(name), nanos - before.getOrDefault(id, 0L), Long::sum);
        });
    return groups;
  }

  /** Runs a measured phase; prints when it ran, to line profiles and load averages up with it. */
  private static Phase measure(String phase, int records, Runnable run) {
    // neither phase should pay for the garbage of what ran before it (generation, the other phase)
    System.gc();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    java.time.Instant from = java.time.Instant.now();
    Map<Long, Long> threadsBefore = threadCpu();
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    run.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
    Map<String, Long> threads = spent(threadsBefore, threadCpu());
    OUT.printf(
        "  (%s phase: %s to %s UTC, load average %.2f)%n",
        phase, from, java.time.Instant.now(), os.getSystemLoadAverage());
    return new Phase(records, seconds, cpuSeconds, threads);
  }

  private static Map<String, Integer> options(String[] args) {
    Map<String, Integer> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("options are --name value, not " + args[i]);
      }
      options.put(args[i].substring(2), Integer.parseInt(args[i + 1].replace("_", "")));
    }
    return options;
  }
}
