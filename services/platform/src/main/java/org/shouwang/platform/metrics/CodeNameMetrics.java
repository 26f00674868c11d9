package org.shouwang.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.shouwang.events.RiskType;
import org.shouwang.events.Rule;

/**
 * Info series that give the boards the Chinese names of the codes their metrics are tagged with
 * ({@code shouwang_rule_info{rule="MEDICAL_BURDEN", rule_name="医疗支出负担重"} 1}), so a legend reads
 * 医疗支出负担重 rather than the code: a panel joins them with {@code * on (rule) group_left (rule_name)}.
 * Tags stay codes on the measuring metrics (closed sets, stable across renames); the names live
 * here once. Every service exports them; boards take {@code max} per code.
 */
public final class CodeNameMetrics {

  private CodeNameMetrics() {}

  /** Registers one info series per rule and per risk type. */
  public static void register(MeterRegistry registry) {
    for (Rule rule : Rule.values()) {
      Gauge.builder("shouwang.rule.info", () -> 1)
          .description("Chinese name and audience of each rule code (always 1)")
          .tag("rule", rule.name())
          .tag("rule_name", rule.title())
          .tag("audience", rule.audience().name())
          .register(registry);
    }
    for (RiskType type : RiskType.values()) {
      Gauge.builder("shouwang.risk.type.info", () -> 1)
          .description("Chinese name of each risk type code (always 1)")
          .tag("risk_type", type.name())
          .tag("risk_type_name", type.chineseName())
          .register(registry);
    }
  }
}
