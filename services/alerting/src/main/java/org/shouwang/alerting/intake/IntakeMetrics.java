package org.shouwang.alerting.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.shouwang.alerting.cases.CaseService.Intake;
import org.shouwang.events.Alert;
import org.springframework.stereotype.Component;

/** Alerts consumed, by rule, severity and what became of them; dead letters by reason. */
@Component
class IntakeMetrics {

  private final MeterRegistry registry;

  IntakeMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void received(Alert alert, Intake outcome) {
    Counter.builder("shouwang.alerts.received")
        .description(
            "Alerts consumed from risk.alerts; DUPLICATE ones were already in the database")
        .tag("rule", alert.rule().name())
        .tag("severity", alert.severity().name())
        .tag("outcome", outcome.name())
        .register(registry)
        .increment();
  }

  void deadLettered(String reasonCode) {
    Counter.builder("shouwang.alerts.dead.lettered")
        .description("Alerts sent to risk.alerts.dlt, by closed-set reason")
        .tag("reason", reasonCode)
        .register(registry)
        .increment();
  }
}
