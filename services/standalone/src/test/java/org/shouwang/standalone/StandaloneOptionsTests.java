package org.shouwang.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandaloneOptionsTests {

  @Test
  void startsEverythingEmbeddedByDefault() {
    StandaloneOptions options = StandaloneOptions.parse(new String[0], Map.of());

    assertThat(options.kafkaBootstrapServers()).isEmpty();
    assertThat(options.databaseUrl()).isEmpty();
    assertThat(options.kafkaPort()).isEqualTo(9092);
    assertThat(options.simulator()).isTrue();
    assertThat(options.dataDirectory()).isEqualTo(Path.of(".shouwang-data").toAbsolutePath());
  }

  @Test
  void usesAnExternalKafkaAndDatabaseWhenTheEnvironmentNamesThem() {
    StandaloneOptions options =
        StandaloneOptions.parse(
            new String[0],
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "broker:29092",
                "SHOUWANG_DATABASE_URL", "jdbc:postgresql://db:5432/",
                "SHOUWANG_SIMULATOR_ENABLED", "false",
                "SHOUWANG_DATA_DIR", "/var/lib/shouwang"));

    assertThat(options.kafkaBootstrapServers()).contains("broker:29092");
    assertThat(options.databaseUrl()).contains("jdbc:postgresql://db:5432/");
    assertThat(options.simulator()).isFalse();
    assertThat(options.dataDirectory()).isEqualTo(Path.of("/var/lib/shouwang"));
  }

  @Test
  void routesPrefixedArgumentsToOneServiceAndTheRestToAll() {
    StandaloneOptions options =
        StandaloneOptions.parse(
            new String[] {
              "--ingest.server.port=0",
              "--shouwang.kafka.partitions=3",
              "--no-simulator",
              "--data-dir=/tmp/sw"
            },
            Map.of());

    assertThat(options.argumentsFor(ServiceModule.INGEST))
        .containsExactly("--shouwang.kafka.partitions=3", "--server.port=0");
    assertThat(options.argumentsFor(ServiceModule.ALERTING))
        .containsExactly("--shouwang.kafka.partitions=3");
    assertThat(options.simulator()).isFalse();
    assertThat(options.dataDirectory()).isEqualTo(Path.of("/tmp/sw"));
  }

  @Test
  void refusesAPortThatIsNotANumber() {
    assertThatThrownBy(
            () -> StandaloneOptions.parse(new String[0], Map.of("SHOUWANG_KAFKA_PORT", "nine")))
        .hasMessageContaining("SHOUWANG_KAFKA_PORT")
        .hasMessageContaining("nine");
  }
}
