package org.shouwang.testsupport;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One real single-node Kafka broker (KRaft) for the whole test JVM, started on first use and gone
 * with the JVM.
 */
public final class SharedKafka {

  /** Pinned image for machines with Docker; the same Kafka version Spring Boot manages. */
  public static final DockerImageName IMAGE = DockerImageName.parse("apache/kafka:4.1.2");

  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

  private SharedKafka() {}

  /** The broker's bootstrap servers, starting the broker on first call. */
  public static String bootstrapServers() {
    return Holder.BOOTSTRAP_SERVERS;
  }

  /** Points Spring Boot's Kafka clients at the shared broker. */
  public static void register(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", SharedKafka::bootstrapServers);
  }

  /** A topic name no other test uses: the given prefix plus a random suffix. */
  public static String uniqueTopic(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates topics with the given partition count (replication factor 1) and waits for them. */
  public static void createTopics(int partitions, String... names) {
    List<NewTopic> topics =
        Arrays.stream(names).map(n -> new NewTopic(n, partitions, (short) 1)).toList();
    try (Admin admin = admin()) {
      admin.createTopics(topics).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not create topics " + List.of(names), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean allLed(Admin admin, List<String> names)
      throws InterruptedException, ExecutionException, TimeoutException {
    return admin
        .describeTopics(names)
        .allTopicNames()
        .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .values()
        .stream()
        .flatMap(d -> d.partitions().stream())
        .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
  }

  /** An admin client on the shared broker; the caller closes it. */
  public static Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
  }

  /** Lazy holder: the broker starts when a test first needs it, once per JVM. */
  private static final class Holder {
    static final String BOOTSTRAP_SERVERS = start();

    private static String start() {
      if (Docker.available()) {
        // see the embedded broker below: history with old record timestamps must not expire
        KafkaContainer container =
            new KafkaContainer(IMAGE).withEnv("KAFKA_LOG_RETENTION_MS", "-1");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "kafka-container-stop"));
        return container.getBootstrapServers();
      }
      EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
      broker.brokerProperties(
          Map.of(
              // single node: transactions and offsets cannot wait for replicas that never come
              "transaction.state.log.replication.factor", "1",
              "transaction.state.log.min.isr", "1",
              "offsets.topic.replication.factor", "1",
              "share.coordinator.state.topic.replication.factor", "1",
              "share.coordinator.state.topic.min.isr", "1",
              "group.initial.rebalance.delay.ms", "0",
              // tests replay history with event-time record timestamps (2025): with the default
              // 7-day retention the broker's retention check (every 5 minutes) deleted those
              // records under a running test, and a consumer reset to the log end saw no more
              "log.retention.ms", "-1",
              "auto.create.topics.enable", "true"));
      broker.afterPropertiesSet();
      // No shutdown hook stops it: hooks run concurrently, so the broker went down while the test
      // contexts were still closing their clients, and each of those waited out its close timeout
      // (Surefire then killed the fork 30 s after exit). The broker dies with the JVM; its files
      // are under java.io.tmpdir (target/tmp in the build).
      return broker.getBrokersAsString();
    }
  }
}
