package org.shouwang.standalone;

import org.shouwang.alerting.AlertingApplication;
import org.shouwang.audit.AuditApplication;
import org.shouwang.console.ConsoleApplication;
import org.shouwang.ingest.IngestApplication;
import org.shouwang.riskengine.RiskEngineApplication;
import org.shouwang.simulator.SimulatorApplication;

/** The services the standalone runs, in start order: consumers first, producers last. */
enum ServiceModule {
  AUDIT("audit", AuditApplication.class, 8084, true),
  ALERTING("alerting", AlertingApplication.class, 8083, true),
  /** The web console: after alerting and audit, whose APIs and databases it reads. */
  CONSOLE("console", ConsoleApplication.class, 8086, false),
  RISK_ENGINE("risk-engine", RiskEngineApplication.class, 8082, false),
  INGEST("ingest", IngestApplication.class, 8081, false),
  SIMULATOR("simulator", SimulatorApplication.class, 8085, false);

  private final String id;
  private final Class<?> application;
  private final int port;
  private final boolean database;

  ServiceModule(String id, Class<?> application, int port, boolean database) {
    this.id = id;
    this.application = application;
    this.port = port;
    this.database = database;
  }

  /** The module name: the prefix of its own arguments and its database name. */
  String id() {
    return id;
  }

  Class<?> application() {
    return application;
  }

  /** The contract's default port. */
  int port() {
    return port;
  }

  /** Whether the service keeps state in PostgreSQL. */
  boolean database() {
    return database;
  }

  /** The service's database name (a valid PostgreSQL identifier). */
  String databaseName() {
    return id.replace('-', '_');
  }
}
