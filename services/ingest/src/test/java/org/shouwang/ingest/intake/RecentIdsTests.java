package org.shouwang.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecentIdsTests {

  private static boolean[] look(RecentIds ids, List<String> wanted) {
    boolean[] held = new boolean[wanted.size()];
    for (int i = 0; i < held.length; i++) {
      held[i] = ids.contains(wanted.get(i), wanted.get(i).hashCode());
    }
    return held;
  }

  @Test
  void remembersTheLatestIdsAndForgetsTheOldestBeyondItsCapacity() {
    RecentIds ids = new RecentIds(3);
    ids.add(List.of("a", "b", "c"));
    ids.add(List.of("d"));

    assertThat(look(ids, List.of("a", "b", "c", "d", "e")))
        .containsExactly(false, true, true, true, false);
    assertThat(ids.size()).isEqualTo(3);
  }

  @Test
  void remembersNothingWhenTurnedOff() {
    RecentIds ids = new RecentIds(0);
    ids.add(List.of("a"));

    assertThat(ids.contains("a")).isFalse();
    assertThat(look(ids, List.of("a"))).containsExactly(false);
    assertThat(ids.size()).isZero();
  }

  @Test
  void behavesLikeABoundedInsertionOrderedSetThroughEvictionsAndCollidingHashes() {
    // "Aa" and "BB" share a hash code, and so do all their concatenations: long probe runs that
    // removals must shift back correctly
    List<String> colliding = new ArrayList<>();
    for (String a : List.of("Aa", "BB")) {
      for (String b : List.of("Aa", "BB")) {
        for (String c : List.of("Aa", "BB")) {
          colliding.add(a + b + c);
        }
      }
    }
    Random random = new Random(7);
    int capacity = 50;
    RecentIds ids = new RecentIds(capacity);
    LinkedHashSet<String> model = new LinkedHashSet<>();
    for (int round = 0; round < 2_000; round++) {
      List<String> batch = new ArrayList<>();
      for (int i = random.nextInt(20); i > 0; i--) {
        String id =
            random.nextInt(3) == 0
                ? colliding.get(random.nextInt(colliding.size()))
                : "id-" + random.nextInt(400);
        // as the intake does: only ids not held, each once per request
        if (!model.contains(id) && !batch.contains(id)) {
          batch.add(id);
        }
      }
      ids.add(batch);
      for (String id : batch) {
        model.add(id);
        if (model.size() > capacity) {
          Iterator<String> oldest = model.iterator();
          oldest.next();
          oldest.remove();
        }
      }
      List<String> probe = new ArrayList<>(colliding);
      for (int i = 0; i < 400; i++) {
        probe.add("id-" + i);
      }
      boolean[] held = look(ids, probe);
      for (int i = 0; i < probe.size(); i++) {
        assertThat(held[i])
            .as("round %d, %s", round, probe.get(i))
            .isEqualTo(model.contains(probe.get(i)));
      }
      assertThat(ids.size()).isEqualTo(model.size());
    }
  }
}
