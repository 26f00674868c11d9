package org.shouwang.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.shouwang.testsupport.SharedKafka;
import org.shouwang.testsupport.SharedPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context the service's integration tests share: its own topics, consumer group,
 * database and checkpoint file on the shared broker and PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class AuditIntegrationTestSupport {

  static final String PREFIX = SharedKafka.uniqueTopic("audit") + ".";
  static final String GROUP = "audit-test-" + UUID.randomUUID();
  static final Path CHECKPOINTS = checkpointFile();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SharedKafka.register(registry);
    SharedPostgres.newDatabase("audit").register(registry);
    registry.add("shouwang.kafka.topic-prefix", () -> PREFIX);
    registry.add("shouwang.kafka.partitions", () -> 2);
    registry.add("shouwang.audit.consumer.group-id", () -> GROUP);
    // small batches, so a restart can fall in the middle of the stream
    registry.add("shouwang.audit.consumer.max-poll-records", () -> 20);
    registry.add("shouwang.audit.checkpoint.path", CHECKPOINTS::toString);
    // the tests write checkpoints and verify when they need to
    registry.add("shouwang.audit.checkpoint.interval", () -> "0s");
    registry.add("shouwang.audit.verification.interval", () -> "0s");
  }

  private static Path checkpointFile() {
    try {
      return Files.createTempDirectory("audit-checkpoints").resolve("checkpoints.jsonl");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
