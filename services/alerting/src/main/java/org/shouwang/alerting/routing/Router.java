package org.shouwang.alerting.routing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.shouwang.alerting.AlertingProperties;
import org.shouwang.alerting.AlertingProperties.Channel;
import org.shouwang.events.Audience;
import org.springframework.stereotype.Component;

/**
 * Decides recipients. A CADRE alert goes to the household's cadre (from the alert); without a
 * cadre, to the township's supervisors, or the county's. An AUDITOR alert goes to the county audit
 * office only: the household's cadre is never a recipient of an audit finding, even when the cadre
 * is also listed elsewhere in the configuration.
 */
@Component
public class Router {

  private final AlertingProperties.Routing routing;

  Router(AlertingProperties properties) {
    this.routing = properties.routing();
  }

  /** The recipients of a new alert of this audience for a household of this township and cadre. */
  public List<String> recipientsOfAlert(Audience audience, String townshipCode, String cadreId) {
    if (audience == Audience.AUDITOR) {
      return List.copyOf(new LinkedHashSet<>(routing.auditOffice()));
    }
    if (cadreId != null && !cadreId.isBlank()) {
      return List.of(cadreId);
    }
    return supervisors(townshipCode, 1);
  }

  /**
   * The recipients of an escalation to the given level (1: township, 2: county). A township with no
   * supervisor configured escalates to the county at once. Audit findings stay in the audit office
   * at every level.
   */
  public List<String> recipientsOfEscalation(
      Audience audience, String townshipCode, String cadreId, int level) {
    if (audience == Audience.AUDITOR) {
      return without(routing.auditOffice(), cadreId);
    }
    return supervisors(townshipCode, level);
  }

  /** The external channels of a recipient in order; empty: the inbox only. */
  public List<Channel> channelsOf(String recipient) {
    return routing.channelsOf(recipient);
  }

  private List<String> supervisors(String townshipCode, int level) {
    Set<String> recipients = new LinkedHashSet<>();
    if (level <= 1) {
      recipients.addAll(routing.supervisorsOf(townshipCode));
    }
    if (recipients.isEmpty()) {
      recipients.addAll(routing.countySupervisors());
    }
    return List.copyOf(recipients);
  }

  private static List<String> without(List<String> recipients, String excluded) {
    return recipients.stream().filter(r -> !r.equals(excluded)).distinct().toList();
  }
}
