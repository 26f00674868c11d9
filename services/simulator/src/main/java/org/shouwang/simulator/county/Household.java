package org.shouwang.simulator.county;

import java.math.BigDecimal;
import java.util.List;
import org.shouwang.events.MonitoringCategory;

/**
 * A registered household as it is when the simulation starts.
 *
 * @param index position in the county (0-based), stable for a seed
 * @param id {@code 430421-101-00001}: county, township, serial
 * @param township its township
 * @param village its village
 * @param cadreId the paired cadre ({@code cadre-0001}, …)
 * @param members its members
 * @param formerlyPoor registered poor before 2021 (建档立卡脱贫户)
 * @param monitoringCategory the monitoring category when already monitored, else {@code null}
 * @param incomeFactor per-capita income as a multiple of the monitoring line
 * @param entitlements monthly entitlements held from the start
 * @param allowanceIncomeMonthly on 低保: the per-capita income a month the civil-affairs office
 *     counted when it granted the allowance (whole yuan; the allowance tops it up to the year's
 *     standard); otherwise {@code null}
 */
public record Household(
    int index,
    String id,
    Township township,
    Village village,
    String cadreId,
    List<Member> members,
    boolean formerlyPoor,
    MonitoringCategory monitoringCategory,
    double incomeFactor,
    List<Entitlement> entitlements,
    BigDecimal allowanceIncomeMonthly) {

  public int size() {
    return members.size();
  }

  public int labourers() {
    return (int) members.stream().filter(Member::labourer).count();
  }

  public boolean monitored() {
    return monitoringCategory != null;
  }

  public List<Member> labourerMembers() {
    return members.stream().filter(Member::labourer).toList();
  }
}
