package org.shouwang.simulator.county;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.shouwang.events.ContractReader;
import org.shouwang.events.Programme;

class CountyGeneratorTests {

  private static final County COUNTY =
      CountyGenerator.generate(430421, CountyShape.defaults(), Standards.defaults());

  @Test
  void hasTheSeedsSizeOfAbout15000HouseholdsOfAbout3Point2People() {
    assertThat(COUNTY.households()).hasSize(15_000);
    assertThat(COUNTY.averageHouseholdSize()).isBetween(3.0, 3.4);
    assertThat(COUNTY.townships()).hasSize(25);
    assertThat(COUNTY.villageCount()).isEqualTo(491);
    // the seed pairs 8,579 cadres with 14,933 households
    assertThat(COUNTY.cadres().size()).isBetween(7_500, 9_500);
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
    assertThat(COUNTY.townships().get(0).code()).isEqualTo("430421101");
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
  void mixesFormerlyPoorOrdinaryAndMonitoredHouseholds() {
    long formerlyPoor = COUNTY.households().stream().filter(Household::formerlyPoor).count();
    long monitored = COUNTY.households().stream().filter(Household::monitored).count();
    assertThat(formerlyPoor).isBetween(11_000L, 13_000L);
    assertThat(monitored).isBetween(500L, 1_000L);
  }

  @Test
  void paysTheSeedsStandardsAndNeverBothAllowanceAndExtremePovertySupport() {
    for (Household h : COUNTY.households()) {
      Set<Programme> programmes = new HashSet<>();
      h.entitlements().forEach(e -> assertThat(programmes.add(e.programme())).isTrue());
      assertThat(
              programmes.contains(Programme.MINIMUM_LIVING_ALLOWANCE)
                  && programmes.contains(Programme.EXTREME_POVERTY_SUPPORT))
          .isFalse();
      h.entitlements().stream()
          .filter(e -> e.programme() == Programme.MINIMUM_LIVING_ALLOWANCE)
          .forEach(e -> assertThat(e.monthlyAmount().intValue()).isEqualTo(360 * h.size()));
      h.entitlements().stream()
          .filter(e -> e.programme() == Programme.EXTREME_POVERTY_SUPPORT)
          .forEach(e -> assertThat(e.monthlyAmount().doubleValue()).isIn(5616 / 12.0, 8580 / 12.0));
    }
    assertThat(
            COUNTY.households().stream()
                .filter(
                    h ->
                        h.entitlements().stream()
                            .anyMatch(e -> e.programme() == Programme.MINIMUM_LIVING_ALLOWANCE))
                .count())
        .isBetween(900L, 1_500L);
  }

  @Test
  void theSameSeedGivesTheSameCounty() {
    assertThat(CountyGenerator.generate(430421, CountyShape.defaults(), Standards.defaults()))
        .isEqualTo(COUNTY);
  }
}
