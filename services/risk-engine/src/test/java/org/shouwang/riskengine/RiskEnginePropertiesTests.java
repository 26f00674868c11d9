package org.shouwang.riskengine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.shouwang.events.RuleThresholds;
import org.shouwang.riskengine.streams.RiskEngineStreams;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class RiskEnginePropertiesTests {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(RiskEngineProperties.class)
  static class Config {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(Config.class);

  @Test
  void defaultsComeFromTheDomain() {
    runner.run(
        context -> {
          RiskEngineProperties properties = context.getBean(RiskEngineProperties.class);
          assertThat(properties.applicationId()).isEqualTo("shouwang-risk-engine");
          assertThat(properties.rules().payment().graceDays()).isEqualTo(10);
          assertThat(properties.rules().medical().formerlyPoorThreshold())
              .isEqualByComparingTo("5000");
          assertThat(properties.rules().monitoringLineFor(2024)).isEqualByComparingTo("7700");
        });
  }

  @Test
  void standbyReplicasReachKafkaStreams() {
    assertThat(
            RiskEngineStreams.config(RiskEngineProperties.defaults(), "localhost:9092")
                .get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG))
        .isEqualTo(0);
    runner
        .withPropertyValues("shouwang.risk-engine.standby-replicas=1")
        .run(
            context ->
                assertThat(
                        RiskEngineStreams.config(
                                context.getBean(RiskEngineProperties.class), "localhost:9092")
                            .get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG))
                    .isEqualTo(1));
  }

  @Test
  void aDeploymentOverridesOneYearOfTheMonitoringLineAndKeepsTheOthers() {
    runner
        .withPropertyValues(
            "shouwang.risk-engine.rules.monitoring-line[2026]=9500",
            "shouwang.risk-engine.rules.monitoring-line[2027]=10000")
        .run(
            context -> {
              RiskEngineProperties.Rules rules =
                  context.getBean(RiskEngineProperties.class).rules();
              assertThat(rules.monitoringLineFor(2026)).isEqualByComparingTo("9500");
              assertThat(rules.monitoringLineFor(2028)).isEqualByComparingTo("10000");
              assertThat(rules.monitoringLineFor(2023))
                  .isEqualByComparingTo(new BigDecimal("7100"));
            });
  }

  @Test
  void aBadThresholdStopsTheBootWithItsName() {
    runner
        .withPropertyValues("shouwang.risk-engine.rules.loan.medium-days=0")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("mediumDays"));
  }

  @Test
  void theDefaultsAreWhatBindingNoPropertyYields() {
    runner.run(
        context ->
            assertThat(context.getBean(RiskEngineProperties.class))
                .isEqualTo(RiskEngineProperties.defaults()));
  }

  @Test
  void theContractThresholdsDefaultToTheOnesSharedWithTheSimulator() {
    RuleThresholds shared = RuleThresholds.defaults();
    RiskEngineProperties.Rules rules = RiskEngineProperties.defaults().rules();
    assertThat(rules.monitoringLine()).isEqualTo(shared.monitoringLines());
    assertThat(rules.medical().formerlyPoorThreshold())
        .isEqualByComparingTo(shared.medicalFormerlyPoor());
    assertThat(rules.medical().othersThreshold()).isEqualByComparingTo(shared.medicalOthers());
    assertThat(rules.medical().incomeShare().doubleValue()).isEqualTo(shared.medicalIncomeShare());
    assertThat(rules.schooling().threshold()).isEqualByComparingTo(shared.schoolingPerYear());
    assertThat(rules.schooling().minCompulsoryAge()).isEqualTo(shared.minCompulsorySchoolAge());
    assertThat(rules.schooling().maxCompulsoryAge()).isEqualTo(shared.maxCompulsorySchoolAge());
    assertThat(rules.water().maxInterruptionDays()).isEqualTo(shared.waterInterruptionDays());
    assertThat(rules.income().dropRatio().doubleValue()).isEqualTo(shared.incomeDropShare());
    assertThat(rules.loan().mediumDays()).isEqualTo(shared.loanOverdueDays());
    assertThat(rules.loan().highDays()).isEqualTo(shared.loanSeverelyOverdueDays());
    assertThat(rules.payment().graceDays()).isEqualTo(shared.paymentGraceDays());
    assertThat(rules.monitoring().measureDeadline())
        .isEqualTo(Duration.ofDays(shared.measureDays()));
    assertThat(rules.monitoring().minMonitoredMonths()).isEqualTo(shared.eliminationMonths());
    assertThat(rules.labour().severeDisabilityMaxGrade())
        .isEqualTo(shared.severeDisabilityMaxGrade());
    assertThat(rules.income().lineMargin().doubleValue()).isEqualTo(shared.incomeDropLineMargin());
    assertThat(rules.labour().unemploymentWaitMonths()).isEqualTo(shared.unemploymentWaitMonths());
    assertThat(rules.monitoring().relapseMonths()).isEqualTo(shared.relapseMonths());
    assertThat(rules.identification().deadline())
        .isEqualTo(Duration.ofDays(shared.identificationDays()));
    assertThat(rules.identification().publicityDays()).isEqualTo(shared.publicityDays());
    assertThat(rules.identification().visitDeadline())
        .isEqualTo(Duration.ofDays(shared.selfDeclarationVisitDays()));
  }

  @Test
  void theIdentificationThresholdsAreSetThroughProperties() {
    runner
        .withPropertyValues(
            "shouwang.risk-engine.rules.identification.deadline=20d",
            "shouwang.risk-engine.rules.identification.publicity-days=7",
            "shouwang.risk-engine.rules.identification.visit-deadline=2d",
            "shouwang.risk-engine.rules.monitoring.relapse-months=24",
            "shouwang.risk-engine.rules.labour.unemployment-wait-months=6",
            "shouwang.risk-engine.rules.income.line-margin=2")
        .run(
            context -> {
              RiskEngineProperties.Rules rules =
                  context.getBean(RiskEngineProperties.class).rules();
              assertThat(rules.identification().deadline()).isEqualTo(Duration.ofDays(20));
              assertThat(rules.identification().publicityDays()).isEqualTo(7);
              assertThat(rules.identification().visitDeadline()).isEqualTo(Duration.ofDays(2));
              assertThat(rules.monitoring().relapseMonths()).isEqualTo(24);
              assertThat(rules.labour().unemploymentWaitMonths()).isEqualTo(6);
              assertThat(rules.income().lineMargin()).isEqualByComparingTo("2");
            });
  }

  @Test
  void aLineMarginBelowOneStopsTheBootWithItsName() {
    runner
        .withPropertyValues("shouwang.risk-engine.rules.income.line-margin=0.9")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("lineMargin"));
  }
}
