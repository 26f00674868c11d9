package org.shouwang.standalone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the standalone runs, from its arguments and environment. Arguments it does not know pass to
 * every service ({@code --shouwang.kafka.partitions=3}); {@code --<module>.<key>=<value>} passes to
 * one service ({@code --ingest.server.port=0}).
 *
 * @param dataDirectory where the broker, database and services keep their data
 * @param kafkaBootstrapServers an external Kafka to use instead of the embedded broker
 * @param kafkaPort the embedded broker's client port
 * @param kafkaControllerPort the embedded broker's KRaft controller port
 * @param databaseUrl an external PostgreSQL server (JDBC URL without database name, e.g. {@code
 *     jdbc:postgresql://db:5432/}) to use instead of the embedded one
 * @param databaseUsername its user
 * @param databasePassword its password
 * @param postgresPort the embedded database's port
 * @param simulator whether the simulator streams the county
 * @param commonArguments arguments for every service
 * @param serviceArguments arguments for one service each
 */
record StandaloneOptions(
    Path dataDirectory,
    Optional<String> kafkaBootstrapServers,
    int kafkaPort,
    int kafkaControllerPort,
    Optional<String> databaseUrl,
    String databaseUsername,
    String databasePassword,
    int postgresPort,
    boolean simulator,
    List<String> commonArguments,
    Map<ServiceModule, List<String>> serviceArguments) {

  static StandaloneOptions parse(String[] args, Map<String, String> env) {
    Path dataDirectory = Path.of(env.getOrDefault("SHOUWANG_DATA_DIR", ".shouwang-data"));
    Optional<String> kafka = Optional.ofNullable(blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS")));
    int kafkaPort = integer(env, "SHOUWANG_KAFKA_PORT", 9092);
    int controllerPort = integer(env, "SHOUWANG_KAFKA_CONTROLLER_PORT", 9093);
    Optional<String> databaseUrl =
        Optional.ofNullable(blankToNull(env.get("SHOUWANG_DATABASE_URL")));
    String user = env.getOrDefault("SHOUWANG_DATABASE_USERNAME", "postgres");
    String password = env.getOrDefault("SHOUWANG_DATABASE_PASSWORD", "postgres");
    int postgresPort = integer(env, "SHOUWANG_POSTGRES_PORT", 15432);
    boolean simulator = !"false".equalsIgnoreCase(env.get("SHOUWANG_SIMULATOR_ENABLED"));
    List<String> common = new ArrayList<>();
    Map<ServiceModule, List<String>> perService = new EnumMap<>(ServiceModule.class);
    for (String arg : args) {
      if (arg.startsWith("--data-dir=")) {
        dataDirectory = Path.of(arg.substring("--data-dir=".length()));
      } else if (arg.equals("--no-simulator")) {
        simulator = false;
      } else if (arg.startsWith("--kafka=")) {
        kafka = Optional.ofNullable(blankToNull(arg.substring("--kafka=".length())));
      } else {
        ServiceModule target = targetOf(arg);
        if (target == null) {
          common.add(arg);
        } else {
          perService
              .computeIfAbsent(target, m -> new ArrayList<>())
              .add("--" + arg.substring(("--" + target.id() + ".").length()));
        }
      }
    }
    return new StandaloneOptions(
        dataDirectory.toAbsolutePath(),
        kafka,
        kafkaPort,
        controllerPort,
        databaseUrl,
        user,
        password,
        postgresPort,
        simulator,
        List.copyOf(common),
        perService);
  }

  /** The arguments one service starts with: everyone's, then its own (which win). */
  List<String> argumentsFor(ServiceModule module) {
    List<String> all = new ArrayList<>(commonArguments);
    all.addAll(serviceArguments.getOrDefault(module, List.of()));
    return all;
  }

  private static ServiceModule targetOf(String arg) {
    for (ServiceModule module : ServiceModule.values()) {
      if (arg.startsWith("--" + module.id() + ".")) {
        return module;
      }
    }
    return null;
  }

  private static int integer(Map<String, String> env, String key, int fallback) {
    String value = blankToNull(env.get(key));
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a port number, not '" + value + "'", e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
