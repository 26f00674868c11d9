package org.shouwang.riskengine.state;

import org.shouwang.riskengine.rules.HouseholdState;

/**
 * Payments as {@link StateCodec} wrote them: the payments in order, their entries' bytes one after
 * the other and where each entry ends. Never changed once made (payments are never changed once
 * added to a state, and a state's copies share them), so it stays valid across copies.
 */
record PaymentsBlock(HouseholdState.Payment[] payments, byte[] entries, int[] ends) {

  /** Where {@code payment} (this very object) is in the block, or -1. */
  int indexOf(HouseholdState.Payment payment) {
    for (int i = 0; i < payments.length; i++) {
      if (payments[i] == payment) {
        return i;
      }
    }
    return -1;
  }
}
