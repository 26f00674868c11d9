package org.shouwang.simulator.county;

import java.math.BigDecimal;
import org.shouwang.events.Programme;

/**
 * A monthly entitlement a household holds when the simulation starts.
 *
 * @param programme the paying programme
 * @param monthlyAmount yuan a month for the whole household
 * @param memberId the member it is for (disability, public-welfare job), or {@code null}
 */
public record Entitlement(Programme programme, BigDecimal monthlyAmount, String memberId) {}
