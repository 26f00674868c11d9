package org.shouwang.riskengine.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.kafka.common.utils.Bytes;

/**
 * The absence rules' deadlines of one task's households, in time order. Rebuilt from the household
 * store at init (each state carries its scheduled deadline), so it needs no store, no changelog and
 * no writes of its own.
 */
final class DeadlineIndex {

  private final TreeSet<Due> due = new TreeSet<>();
  private long first = Long.MAX_VALUE;

  void clear() {
    due.clear();
    first = Long.MAX_VALUE;
  }

  /** Indexes a household restored from the store; {@link #refresh} once all are in. */
  void restore(long at, Bytes household) {
    due.add(new Due(at, household));
  }

  /** Moves a household from its previous deadline to its next (0: none). */
  void reschedule(Bytes household, long previous, long next) {
    if (next == previous) {
      return;
    }
    if (previous != 0) {
      due.remove(new Due(previous, household));
    }
    if (next != 0) {
      due.add(new Due(next, household));
      first = Math.min(first, next);
    }
  }

  /** Whether a deadline is at or before {@code clock}. */
  boolean anyDue(long clock) {
    return clock >= first;
  }

  /** At most {@code max} deadlines at or before {@code clock}, earliest first. */
  List<Due> due(long clock, int max) {
    List<Due> passed = new ArrayList<>();
    for (Due deadline : due) {
      if (deadline.at() > clock || passed.size() >= max) {
        break;
      }
      passed.add(deadline);
    }
    return passed;
  }

  /** Takes a deadline out, as its household is looked at. */
  void remove(Due deadline) {
    due.remove(deadline);
  }

  /** Recomputes the earliest deadline, after deadlines were taken. */
  void refresh() {
    first = due.isEmpty() ? Long.MAX_VALUE : due.first().at();
  }

  /** A household's next deadline; ordered by time, then household. */
  record Due(long at, Bytes household) implements Comparable<Due> {
    @Override
    public int compareTo(Due other) {
      int byTime = Long.compare(at, other.at);
      return byTime != 0 ? byTime : household.compareTo(other.household);
    }
  }
}
