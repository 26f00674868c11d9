package org.shouwang.ingest.intake;

import java.util.List;

/**
 * The ids Kafka acknowledged most recently, bounded: when full, the oldest is forgotten. Best
 * effort only (one instance's memory, lost on restart); consumers are idempotent on the ids
 * themselves.
 *
 * <p>An open-addressing table of the ids (linear probing, half full at most, deletion by backward
 * shift) beside a ring that gives the eviction order. A request looks its ids up and adds them in
 * one locked call each, so the lock is taken twice per request, not twice per record; a concurrent
 * hash map with a node per id cost more than a tenth of a batch's time.
 */
final class RecentIds {

  private final int capacity;
  private final String[] table;
  private final int[] hashes;
  private final int mask;
  private final String[] ring;
  private final int[] ringHashes;
  private int next;
  private volatile int size;

  RecentIds(int capacity) {
    this.capacity = capacity;
    int slots = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
    this.table = new String[capacity == 0 ? 0 : slots];
    this.hashes = new int[table.length];
    this.mask = table.length - 1;
    this.ring = new String[capacity];
    this.ringHashes = new int[capacity];
  }

  boolean contains(String id) {
    if (capacity == 0) {
      return false;
    }
    synchronized (this) {
      return find(id, id.hashCode()) >= 0;
    }
  }

  /**
   * For each id, whether it is held: one lookup per id, one lock for all.
   *
   * @param hashes the ids' {@link String#hashCode()}, taken while the ids were at hand (a request's
   *     ids are long out of the cache by now, and the table needs no more than their hashes unless
   *     two are equal)
   */
  boolean[] containsEach(List<String> ids, int[] hashes) {
    boolean[] held = new boolean[ids.size()];
    if (capacity == 0) {
      return held;
    }
    synchronized (this) {
      for (int i = 0; i < held.length; i++) {
        held[i] = find(ids.get(i), hashes[i]) >= 0;
      }
    }
    return held;
  }

  /**
   * Adds ids (with their hashes, as for {@link #containsEach}), forgetting the oldest beyond the
   * capacity.
   */
  synchronized void add(List<String> ids, int[] hashes) {
    if (capacity == 0) {
      return;
    }
    int held = size;
    for (int k = 0; k < ids.size(); k++) {
      String id = ids.get(k);
      int hash = hashes[k];
      // no lookup first: the request checked its ids a moment ago. Should a concurrent request
      // have added the same id meanwhile, both copies stay, each with its own place in the ring,
      // and each leaves when its turn comes (removal goes by instance): the bound still holds.
      if (held == capacity) {
        remove(ring[next], ringHashes[next]);
        held--;
      }
      insert(id, hash);
      held++;
      ring[next] = id;
      ringHashes[next] = hash;
      next = next + 1 == capacity ? 0 : next + 1;
    }
    size = held;
  }

  /** Adds ids, as {@link #add(List, int[])}. */
  void add(List<String> ids) {
    add(ids, ids.stream().mapToInt(String::hashCode).toArray());
  }

  int size() {
    return size;
  }

  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private int find(String id, int hash) {
    for (int i = spread(hash) & mask; table[i] != null; i = (i + 1) & mask) {
      if (hashes[i] == hash && table[i].equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private void insert(String id, int hash) {
    int i = spread(hash) & mask;
    while (table[i] != null) {
      i = (i + 1) & mask;
    }
    table[i] = id;
    hashes[i] = hash;
  }

  /**
   * Removes an id (this very instance: no need to read the string) and shifts back the entries of
   * its probe run, so no lookup stops short.
   */
  private void remove(String id, int hash) {
    int hole = spread(hash) & mask;
    while (table[hole] != id) {
      if (table[hole] == null) {
        return;
      }
      hole = (hole + 1) & mask;
    }
    for (int j = (hole + 1) & mask; table[j] != null; j = (j + 1) & mask) {
      int home = spread(hashes[j]) & mask;
      // the entry at j may move into the hole unless its home lies cyclically in (hole, j]
      boolean homeBetween = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (!homeBetween) {
        table[hole] = table[j];
        hashes[hole] = hashes[j];
        hole = j;
      }
    }
    table[hole] = null;
    hashes[hole] = 0;
  }
}
