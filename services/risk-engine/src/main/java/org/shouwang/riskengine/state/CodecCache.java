package org.shouwang.riskengine.state;

import java.util.List;
import org.shouwang.riskengine.rules.HouseholdState;

/**
 * What the codec keeps from one encoding of a household to the next, so that parts that did not
 * change are copied as bytes instead of encoded again: the payments block and the entitlements'
 * encoded ids. Owned by the household store's entry, not by the state: the rules never see it, and
 * a state rolled back to its copy still matches it, since both hold the same payment objects and id
 * strings (matched by identity, never by equality).
 */
final class CodecCache {

  /** The payments as last encoded or decoded; null before the first. */
  PaymentsBlock payments;

  // the entitlements' event ids as last encoded (the very strings) and their encodings, by position
  private String[] entitlementIds = new String[0];
  private byte[][] encodedEntitlementIds = new byte[0][];

  /**
   * The encodings of these entitlements' ids, by position (null: not encoded yet, for the caller to
   * fill in). Allocates nothing when the entitlements are those of the last encoding.
   */
  byte[][] encodedIdsOf(List<HouseholdState.Entitlement> entitlements) {
    int count = entitlements.size();
    if (entitlementIds.length == count) {
      int same = 0;
      while (same < count && entitlementIds[same] == entitlements.get(same).eventId) {
        same++;
      }
      if (same == count) {
        return encodedEntitlementIds;
      }
    }
    String[] ids = new String[count];
    byte[][] encoded = new byte[count][];
    for (int i = 0; i < count; i++) {
      ids[i] = entitlements.get(i).eventId;
      for (int j = 0; j < entitlementIds.length; j++) {
        if (entitlementIds[j] == ids[i]) {
          encoded[i] = encodedEntitlementIds[j];
          break;
        }
      }
    }
    entitlementIds = ids;
    encodedEntitlementIds = encoded;
    return encoded;
  }
}
