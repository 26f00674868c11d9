package org.shouwang.riskengine.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.shouwang.events.EventData;

/** The county board's numbers: alerts by rule, severity and township; households at risk. */
class MetricsTests {

  private static final OffsetDateTime AT = OffsetDateTime.parse("2026-03-02T10:00:00+08:00");

  @Test
  void countsAlertsAndHouseholdsAtRiskByTownshipAndRiskType() {
    try (Engine engine = new Engine()) {
      engine.register(AT);
      engine.send("430421-105-00124", AT, new EventData.SchoolEnrolmentChanged("m1", 15, false));
      assertThat(atRisk(engine, RiskEngineMetrics.NO_TOWNSHIP, "EDUCATION"))
          .as("a household never registered counts under 'none'")
          .isEqualTo(1);

      engine.send(AT.plusDays(1), new EventData.SchoolEnrolmentChanged("m4", 14, false));
      engine.send(AT.plusDays(2), new EventData.SchoolEnrolmentChanged("m5", 12, false));
      assertThat(atRisk(engine, Engine.TOWNSHIP, "EDUCATION"))
          .as("one household, however many open conditions of the type")
          .isEqualTo(1);
      assertThat(alerts(engine, "SCHOOL_DROPOUT", "CRITICAL", Engine.TOWNSHIP)).isEqualTo(2);
      assertThat(alerts(engine, "SCHOOL_DROPOUT", "CRITICAL", RiskEngineMetrics.NO_TOWNSHIP))
          .isEqualTo(1);

      engine.send(AT.plusDays(3), new EventData.SchoolEnrolmentChanged("m4", 14, true));
      assertThat(atRisk(engine, Engine.TOWNSHIP, "EDUCATION")).isEqualTo(1);
      engine.send(AT.plusDays(4), new EventData.SchoolEnrolmentChanged("m5", 12, true));
      assertThat(atRisk(engine, Engine.TOWNSHIP, "EDUCATION")).isZero();
      assertThat(atRisk(engine, RiskEngineMetrics.NO_TOWNSHIP, "EDUCATION")).isEqualTo(1);
    }
  }

  private static double atRisk(Engine engine, String township, String riskType) {
    Gauge gauge =
        engine
            .registry
            .find("shouwang.riskengine.households.at.risk")
            .tag("township", township)
            .tag("risk_type", riskType)
            .gauge();
    return gauge == null ? 0 : gauge.value();
  }

  private static double alerts(Engine engine, String rule, String severity, String township) {
    Counter counter =
        engine
            .registry
            .find("shouwang.riskengine.alerts")
            .tag("rule", rule)
            .tag("severity", severity)
            .tag("township", township)
            .counter();
    return counter == null ? 0 : counter.count();
  }
}
