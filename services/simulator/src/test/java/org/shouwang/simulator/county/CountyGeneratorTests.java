package org.shouwang.simulator.county;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.shouwang.events.ContractReader;
import org.shouwang.events.MonitoringCategory;
import org.shouwang.events.Programme;

class CountyGeneratorTests {

  private static final int YEAR = 2025;

  /** The default county, as the simulator builds it for a run starting in 2025. */
  private static final County COUNTY =
      CountyGenerator.generate(430421, CountyShape.defaults(), Standards.defaults(), YEAR);

  private static boolean holds(Household h, Programme programme) {
    return h.entitlements().stream().anyMatch(e -> e.programme() == programme);
  }

  private static boolean welfare(Household h) {
    return holds(h, Programme.MINIMUM_LIVING_ALLOWANCE)
        || holds(h, Programme.EXTREME_POVERTY_SUPPORT);
  }

  @Test
  void hasTheSeedCountysSizeOf240000HouseholdsOfAbout3Point2People() {
    assertThat(COUNTY.households()).hasSize(240_000);
    assertThat(COUNTY.averageHouseholdSize()).isBetween(3.0, 3.4);
    assertThat(COUNTY.townships()).hasSize(25);
    assertThat(COUNTY.villageCount()).isEqualTo(491);
  }

  @Test
  void aboutSixPercentAreFormerlyPoorAsTheSeeds14933Households() {
    long formerlyPoor = COUNTY.households().stream().filter(Household::formerlyPoor).count();
    assertThat(formerlyPoor / 240_000.0).isBetween(0.055, 0.065);
  }

  @Test
  void everyTownshipCarriesOneOfHengyangCountysRealNames() {
    assertThat(COUNTY.townships().stream().map(Township::name))
        .containsExactlyElementsOf(CountyGenerator.TOWNSHIP_NAMES)
        .contains("西渡镇", "库宗桥镇", "岣嵝乡", "岘山乡");
    assertThat(CountyGenerator.TOWNSHIP_NAMES).doesNotHaveDuplicates().hasSize(25);
    assertThat(COUNTY.townships().get(0).code()).isEqualTo("430421101");
    assertThat(COUNTY.townships().get(13))
        .satisfies(
            t -> {
              assertThat(t.code()).isEqualTo("430421114");
              assertThat(t.name()).isEqualTo("库宗桥镇");
            });
  }

  @Test
  void villagesAreSpreadOverEveryTownshipAsTheSeeds491InTheCounty() {
    // the seed gives 491 village-level units for 25 townships, ≈ 20 each; households ≈ 490 each
    assertThat(COUNTY.townships())
        .allSatisfy(t -> assertThat(t.villages().size()).isBetween(10, 30));
    Map<String, Long> perVillage =
        COUNTY.households().stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    h -> h.village().code(), java.util.stream.Collectors.counting()));
    assertThat(perVillage).hasSize(491);
    assertThat(perVillage.values()).allSatisfy(n -> assertThat(n).isBetween(200L, 800L));
  }

  @Test
  void aboutFortyPercentOfFormerlyPoorPeopleAreCoveredByAllowanceOrExtremePovertySupport() {
    long people = 0;
    long covered = 0;
    for (Household h : COUNTY.households()) {
      if (h.formerlyPoor()) {
        people += h.size();
        covered += welfare(h) ? h.size() : 0;
      }
    }
    // seed: 19,226 of 47,384 formerly poor people (40.6 %)
    assertThat((double) covered / people).isBetween(0.395, 0.41);
    long ordinaryOnAllowance =
        COUNTY.households().stream()
            .filter(h -> !h.formerlyPoor() && holds(h, Programme.MINIMUM_LIVING_ALLOWANCE))
            .count();
    long ordinary = COUNTY.households().stream().filter(h -> !h.formerlyPoor()).count();
    assertThat((double) ordinaryOnAllowance / ordinary).isBetween(0.012, 0.018);
  }

  @Test
  void theAllowanceTopsTheCountedIncomeUpToTheYearsStandard() {
    BigDecimal standard = Standards.defaults().minimumLivingAllowancePerPersonMonth(YEAR);
    assertThat(standard).isEqualByComparingTo("485");
    List<Household> onAllowance =
        COUNTY.households().stream()
            .filter(h -> holds(h, Programme.MINIMUM_LIVING_ALLOWANCE))
            .toList();
    assertThat(onAllowance).hasSizeGreaterThan(5_000);
    Set<BigDecimal> amounts = new HashSet<>();
    for (Household h : onAllowance) {
      BigDecimal income = h.allowanceIncomeMonthly();
      assertThat(income).isNotNull();
      assertThat(income.signum()).isNotNegative();
      assertThat(income).isLessThan(standard);
      BigDecimal amount =
          h.entitlements().stream()
              .filter(e -> e.programme() == Programme.MINIMUM_LIVING_ALLOWANCE)
              .findFirst()
              .orElseThrow()
              .monthlyAmount();
      assertThat(amount)
          .isEqualByComparingTo(standard.subtract(income).multiply(BigDecimal.valueOf(h.size())));
      amounts.add(amount);
    }
    // a top-up, not one flat amount per person
    assertThat(amounts).hasSizeGreaterThan(1_000);
    assertThat(COUNTY.households())
        .filteredOn(h -> !holds(h, Programme.MINIMUM_LIVING_ALLOWANCE))
        .allSatisfy(h -> assertThat(h.allowanceIncomeMonthly()).isNull());
  }

  @Test
  void theStandardsAreThoseOfTheYearAsked() {
    CountyShape small = CountyShape.defaults().withHouseholds(5_000);
    County in2022 = CountyGenerator.generate(7, small, Standards.defaults(), 2022);
    County in2026 = CountyGenerator.generate(7, small, Standards.defaults(), 2026);
    Household h =
        in2022.households().stream()
            .filter(x -> holds(x, Programme.MINIMUM_LIVING_ALLOWANCE))
            .findFirst()
            .orElseThrow();
    Household same = in2026.households().get(h.index());
    assertThat(amount(h, Programme.MINIMUM_LIVING_ALLOWANCE))
        .isEqualByComparingTo(
            new BigDecimal("410")
                .subtract(h.allowanceIncomeMonthly())
                .multiply(BigDecimal.valueOf(h.size())));
    assertThat(amount(same, Programme.MINIMUM_LIVING_ALLOWANCE))
        .isEqualByComparingTo(
            new BigDecimal("510")
                .subtract(same.allowanceIncomeMonthly())
                .multiply(BigDecimal.valueOf(h.size())));
    for (Household x : in2022.households()) {
      if (holds(x, Programme.EXTREME_POVERTY_SUPPORT)) {
        assertThat(amount(x, Programme.EXTREME_POVERTY_SUPPORT))
            .isIn(
                monthly(Standards.defaults().extremePovertyDispersedPerYear(2022)),
                monthly(Standards.defaults().extremePovertyCentralisedPerYear(2022)));
      }
    }
    // without a year: the newest standards
    assertThat(CountyGenerator.generate(7, small, Standards.defaults())).isEqualTo(in2026);
  }

  @Test
  void theDefaultStandardsAreTheSeedsRaisedAndExtremePovertySupportIs1Point3TimesTheAllowance() {
    Standards standards = Standards.defaults();
    for (int year = 2021; year <= 2026; year++) {
      BigDecimal allowance = standards.minimumLivingAllowancePerPersonMonth(year);
      assertThat(allowance).isGreaterThan(new BigDecimal("360")); // the seed's 2020 standard
      assertThat(standards.extremePovertyDispersedPerYear(year))
          .isEqualByComparingTo(
              allowance.multiply(new BigDecimal("15.6")).setScale(0, RoundingMode.HALF_UP));
      if (year > 2021) {
        assertThat(allowance)
            .isGreaterThan(standards.minimumLivingAllowancePerPersonMonth(year - 1));
      }
    }
    assertThat(standards.minimumLivingAllowancePerPersonMonth(2019)).isEqualByComparingTo("385");
    assertThat(standards.minimumLivingAllowancePerPersonMonth(2030)).isEqualByComparingTo("510");
    assertThat(standards.minimumLivingAllowancePerPersonMonth()).isEqualByComparingTo("510");
    assertThatThrownBy(() -> new YearTable(Map.of(2024, BigDecimal.ZERO)))
        .hasMessageContaining("2024");
  }

  @Test
  void neverBothAllowanceAndExtremePovertySupportAndOneEntitlementPerProgramme() {
    for (Household h : COUNTY.households()) {
      Set<Programme> programmes = new HashSet<>();
      h.entitlements().forEach(e -> assertThat(programmes.add(e.programme())).isTrue());
      assertThat(
              programmes.contains(Programme.MINIMUM_LIVING_ALLOWANCE)
                  && programmes.contains(Programme.EXTREME_POVERTY_SUPPORT))
          .isFalse();
    }
  }

  @Test
  void monitoredHouseholdsAreAFewPercentMostOfThemFormerlyPoorOrMarginal() {
    List<Household> monitored = COUNTY.households().stream().filter(Household::monitored).toList();
    assertThat(monitored.size() / 240_000.0).isBetween(0.017, 0.023);
    long unstable =
        monitored.stream()
            .filter(h -> h.monitoringCategory() == MonitoringCategory.UNSTABLE_LIFTED)
            .count();
    // a formerly poor household is 8 times as likely to be monitored
    assertThat((double) unstable / monitored.size()).isBetween(0.2, 0.35);
    assertThat(monitored)
        .filteredOn(h -> h.monitoringCategory() == MonitoringCategory.UNSTABLE_LIFTED)
        .allMatch(Household::formerlyPoor);
  }

  @Test
  void pairedCadresLookAfterAFewFormerlyPoorOrMonitoredHouseholdsVillageCadresManyOrdinary() {
    Map<String, List<Household>> byCadre =
        COUNTY.households().stream()
            .collect(java.util.stream.Collectors.groupingBy(Household::cadreId));
    assertThat(byCadre.keySet()).containsExactlyInAnyOrderElementsOf(COUNTY.cadres());
    long paired =
        byCadre.values().stream()
            .filter(hs -> hs.stream().allMatch(h -> h.formerlyPoor() || h.monitored()))
            .count();
    long pairedHouseholds =
        COUNTY.households().stream().filter(h -> h.formerlyPoor() || h.monitored()).count();
    // the seed: 8,579 cadres for 14,933 poor households (1.74 each)
    assertThat((double) pairedHouseholds / paired).isBetween(1.5, 2.0);
    byCadre
        .values()
        .forEach(hs -> assertThat(hs.stream().map(h -> h.village().code()).distinct()).hasSize(1));
    assertThat(byCadre.values()).allSatisfy(hs -> assertThat(hs.size()).isLessThanOrEqualTo(61));
  }

  @Test
  void codesFollowTheCountyTownshipVillageScheme() {
    Pattern township = Pattern.compile("430421\\d{3}");
    for (Township t : COUNTY.townships()) {
      assertThat(t.code()).matches(township);
      assertThat(t.name()).matches(".+[镇乡]");
      assertThat(t.villages())
          .allSatisfy(
              v -> {
                assertThat(v.code()).matches(Pattern.quote(t.code()) + "\\d{3}");
                assertThat(v.name()).endsWith("村");
              });
      assertThat(t.villages().stream().map(Village::name).distinct().count())
          .isEqualTo(t.villages().size());
    }
  }

  @Test
  void householdIdsAreCountyTownshipSerialAndUnique() {
    Set<String> ids = new HashSet<>();
    for (Household h : COUNTY.households()) {
      assertThat(h.id()).matches("430421-\\d{3}-\\d{5}").matches(ContractReader.HOUSEHOLD_ID);
      assertThat(h.id()).startsWith("430421-" + h.township().shortCode() + "-");
      assertThat(h.village().townshipCode()).isEqualTo(h.township().code());
      assertThat(h.labourers()).isBetween(0, h.size());
      ids.add(h.id());
    }
    assertThat(ids).hasSize(COUNTY.households().size());
    assertThat(COUNTY.households().get(0).id()).isEqualTo("430421-101-00001");
  }

  @Test
  void theDemoCadresLookAfterRealHouseholdsInTownship101() {
    for (String cadre : List.of("cadre-0001", "cadre-0002")) {
      List<Household> theirs =
          COUNTY.households().stream().filter(h -> h.cadreId().equals(cadre)).toList();
      assertThat(theirs).hasSizeGreaterThanOrEqualTo(2);
      assertThat(theirs).allMatch(h -> h.township().code().equals("430421101"));
    }
  }

  @Test
  void aSmallCountyIsOneSettingAwayAndKeepsTheShape() {
    County small =
        CountyGenerator.generate(
            430421, CountyShape.defaults().withHouseholds(3_000), Standards.defaults(), YEAR);
    assertThat(small.households()).hasSize(3_000);
    assertThat(small.townships()).hasSize(25);
    long formerlyPoor = small.households().stream().filter(Household::formerlyPoor).count();
    assertThat(formerlyPoor).isBetween(130L, 230L);
    long people = 0;
    long covered = 0;
    for (Household h : small.households()) {
      if (h.formerlyPoor()) {
        people += h.size();
        covered += welfare(h) ? h.size() : 0;
      }
    }
    // one household more or less at most: the share is met by choice, not by chance
    assertThat((double) covered / people).isBetween(0.39, 0.43);
  }

  @Test
  void theSameSeedGivesTheSameCounty() {
    assertThat(CountyGenerator.generate(430421, CountyShape.defaults(), Standards.defaults(), YEAR))
        .isEqualTo(COUNTY);
  }

  private static BigDecimal amount(Household h, Programme programme) {
    return h.entitlements().stream()
        .filter(e -> e.programme() == programme)
        .findFirst()
        .orElseThrow()
        .monthlyAmount();
  }

  private static BigDecimal monthly(BigDecimal yearly) {
    return yearly.divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
  }
}
