package org.shouwang.riskengine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shouwang.riskengine.rules.HouseholdState;

/** The write-back and decoded-state layer of the household store, on an in-memory inner store. */
class HouseholdStoreTests {

  private static final Bytes A = key("430421-101-00001");
  private static final Bytes B = key("430421-101-00002");

  private KeyValueStore<Bytes, byte[]> inner;
  private HouseholdStore store;
  private final List<long[]> sizes = new ArrayList<>();

  private void open(int capacity, boolean writeBack) {
    inner =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("household-state"), Serdes.Bytes(), Serdes.ByteArray())
            .withLoggingDisabled()
            .withCachingDisabled()
            .build();
    store = new HouseholdStore(inner, capacity, writeBack);
    store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    store.sizeListener((bytes, households) -> sizes.add(new long[] {bytes, households}));
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void holdsAChangedStateUntilTheCommitThenWritesItOnce() {
    open(10, true);
    HouseholdState a = household("101");
    store.put(A, a);
    a.members = 4;
    store.put(A, a);
    assertThat(inner.get(A)).as("nothing written before the commit").isNull();
    assertThat(store.pendingWrites()).isEqualTo(1);

    store.flushCache();

    assertThat(inner.get(A)).isEqualTo(StateCodec.encode(a));
    assertThat(StateCodec.decode(inner.get(A)).members).isEqualTo(4);
    assertThat(store.pendingWrites()).isZero();
    assertThat(sizes).hasSize(1);
    assertThat(sizes.get(0)).containsExactly(StateCodec.encode(a).length, 1);
  }

  @Test
  void writesAtOnceWithWriteBackOff() {
    open(10, false);
    HouseholdState a = household("101");
    store.put(A, a);
    assertThat(inner.get(A)).isEqualTo(StateCodec.encode(a));
    assertThat(store.pendingWrites()).isZero();
  }

  @Test
  void writesAtOnceWhenItKeepsNoDecodedStates() {
    open(0, true);
    HouseholdState a = household("101");
    store.put(A, a);
    assertThat(inner.get(A)).isEqualTo(StateCodec.encode(a));
    assertThat(store.get(A)).isNotSameAs(a);
    assertThat(StateCodec.encode(store.get(A))).isEqualTo(StateCodec.encode(a));
  }

  @Test
  void aFailedRecordGoesBackToTheChangeBeforeItWithoutWritingIt() {
    open(10, true);
    HouseholdState a = household("101");
    store.put(A, a);
    byte[] afterFirstRecord = StateCodec.encode(a);

    HouseholdState again = store.get(A);
    assertThat(again).isSameAs(a);
    assertThat(inner.get(A)).as("two changes before a commit: written once, later").isNull();
    again.members = 9; // a record fails halfway
    again.remember("event-failing", 16);
    store.discard(A);

    assertThat(StateCodec.encode(store.get(A))).isEqualTo(afterFirstRecord);
    store.flushCache();
    assertThat(inner.get(A)).isEqualTo(afterFirstRecord);
  }

  @Test
  void aFailedRecordOnAWrittenStateGoesBackToTheStore() {
    open(10, true);
    HouseholdState a = household("101");
    store.put(A, a);
    store.flushCache();
    byte[] written = inner.get(A);

    store.get(A).members = 9; // a record fails halfway
    store.discard(A);

    HouseholdState reread = store.get(A);
    assertThat(reread).isNotSameAs(a);
    assertThat(StateCodec.encode(reread)).isEqualTo(written);
  }

  @Test
  void aRecordThatFailsAfterPuttingItsStateGoesBackToo() {
    open(10, true);
    HouseholdState a = household("101");
    store.put(A, a);
    byte[] afterFirstRecord = StateCodec.encode(a);

    HouseholdState again = store.get(A);
    again.members = 9;
    store.put(A, again); // then sending its alert fails
    store.discard(A);

    assertThat(StateCodec.encode(store.get(A))).isEqualTo(afterFirstRecord);
    store.flushCache();
    assertThat(inner.get(A)).isEqualTo(afterFirstRecord);
  }

  @Test
  void aNewHouseholdWhoseFirstRecordFailsAfterPuttingIsGone() {
    open(10, true);
    store.put(A, household("101"));
    store.discard(A);
    store.flushCache();
    assertThat(inner.get(A)).isNull();
    assertThat(store.get(A)).isNull();
  }

  @Test
  void aRecordThatSucceedsAfterAFailedOneKeepsBoth() {
    open(10, true);
    HouseholdState a = household("101");
    store.put(A, a);
    store.get(A).members = 9;
    store.discard(A);
    HouseholdState next = store.get(A);
    next.labourers = 2;
    store.put(A, next);
    store.flushCache();
    HouseholdState stored = StateCodec.decode(inner.get(A));
    assertThat(stored.members).isEqualTo(3);
    assertThat(stored.labourers).isEqualTo(2);
  }

  @Test
  void theLeastRecentlyUsedChangedStateIsWrittenWhenItMakesRoom() {
    open(1, true);
    HouseholdState a = household("101");
    store.put(A, a);
    store.put(B, household("102"));
    assertThat(inner.get(A)).isEqualTo(StateCodec.encode(a));
    assertThat(inner.get(B)).isNull();
    assertThat(store.pendingWrites()).isEqualTo(1);
    store.flushCache();
    assertThat(inner.get(B)).isNotNull();
  }

  @Test
  void countsAHouseholdOnceAndItsBytesByWhatChanged() {
    open(10, true);
    HouseholdState a = household("101");
    store.put(A, a);
    store.flushCache();
    int first = StateCodec.encode(a).length;
    store.get(A).employed.add("member-1");
    store.put(A, a);
    store.flushCache();
    int second = StateCodec.encode(a).length;
    assertThat(sizes).containsExactly(new long[] {first, 1}, new long[] {second - first, 0});
  }

  @Test
  void dropsWhatItHoldsWhenKafkaStreamsThrowsTheStateAway() {
    open(10, true);
    store.put(A, household("101"));
    store.clearCache();
    store.flushCache();
    assertThat(inner.get(A)).isNull();
    assertThat(store.get(A)).isNull();
  }

  @Test
  void readsEverythingOnlyWhenNothingIsHeld() {
    open(10, true);
    store.put(A, household("101"));
    assertThatThrownBy(() -> store.all()).isInstanceOf(IllegalStateException.class);
    store.flushCache();
    try (var all = store.all()) {
      assertThat(all.next().key).isEqualTo(A);
      assertThat(all.hasNext()).isFalse();
    }
  }

  @Test
  void flushWritesTooSoACheckpointNeverMissesAChange() {
    open(10, true);
    HouseholdState a = household("101");
    store.put(A, a);
    store.flush();
    assertThat(inner.get(A)).isEqualTo(StateCodec.encode(a));
  }

  private static HouseholdState household(String township) {
    HouseholdState state = new HouseholdState();
    state.registered = true;
    state.townshipCode = "430421" + township;
    state.villageCode = state.townshipCode + "201";
    state.cadreId = "cadre-" + township;
    state.members = 3;
    state.labourers = 1;
    state.remember("event-" + township, 16);
    return state;
  }

  private static Bytes key(String householdId) {
    return Bytes.wrap(householdId.getBytes(StandardCharsets.UTF_8));
  }
}
