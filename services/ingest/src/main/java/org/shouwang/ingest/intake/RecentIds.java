package org.shouwang.ingest.intake;

import java.util.List;

/**
 * The ids Kafka acknowledged most recently, bounded: when full, the oldest is forgotten. One
 * instance's memory, refilled at start from the topics' last records ({@link DedupRebuild}).
 *
 * <p>A ring of the ids gives the eviction order; an open-addressing table (linear probing, at most
 * half full, deletion by backward shift) finds them. Each slot of the table is one {@code long}:
 * the id's hash code and its place in the ring, so a probe reads one array and a string is only
 * compared when the hash codes agree. A request adds its acknowledged ids in one locked call. (A
 * concurrent hash map with a node per id cost more than a tenth of a batch's time, mostly in cache
 * misses.)
 */
final class RecentIds {

  private final int capacity;

  /** Per slot: hash code in the high half, ring position + 1 in the low half; 0 when empty. */
  private final long[] table;

  private final int mask;
  private final String[] ring;
  private final int[] ringHashes;
  private int next;
  private volatile int size;

  RecentIds(int capacity) {
    this.capacity = capacity;
    int slots = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
    this.table = new long[capacity == 0 ? 0 : slots];
    this.mask = table.length - 1;
    this.ring = new String[capacity];
    this.ringHashes = new int[capacity];
  }

  boolean contains(String id) {
    return contains(id, id.hashCode());
  }

  /**
   * Whether an id is held.
   *
   * @param hash the id's {@link String#hashCode()}: the table needs no more unless two are equal
   */
  synchronized boolean contains(String id, int hash) {
    return capacity > 0 && find(id, hash);
  }

  /**
   * Adds ids not held (with their hashes, as for {@link #contains(String, int)}), forgetting the
   * oldest beyond the capacity.
   */
  synchronized void add(List<String> ids, int[] hashes) {
    if (capacity == 0) {
      return;
    }
    int held = size;
    for (int k = 0; k < ids.size(); k++) {
      // no lookup first: the request checked its ids before sending them. Should a concurrent
      // request
      // have added the same id meanwhile, both copies stay, each with its own place in the ring,
      // and each leaves when its turn comes: the bound still holds.
      if (held == capacity) {
        remove(next, ringHashes[next]);
        held--;
      }
      insert(next, hashes[k]);
      held++;
      ring[next] = ids.get(k);
      ringHashes[next] = hashes[k];
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

  private static int hashOf(long slot) {
    return (int) (slot >>> 32);
  }

  private static int ringPosition(long slot) {
    return (int) slot - 1;
  }

  private boolean find(String id, int hash) {
    for (int i = spread(hash) & mask; table[i] != 0; i = (i + 1) & mask) {
      long slot = table[i];
      if (hashOf(slot) == hash && ring[ringPosition(slot)].equals(id)) {
        return true;
      }
    }
    return false;
  }

  private void insert(int position, int hash) {
    int i = spread(hash) & mask;
    while (table[i] != 0) {
      i = (i + 1) & mask;
    }
    table[i] = ((long) hash << 32) | (position + 1L);
  }

  /**
   * Removes the id at a ring position and shifts back the entries of its probe run, so no lookup
   * stops short.
   */
  private void remove(int position, int hash) {
    int hole = spread(hash) & mask;
    while (ringPosition(table[hole]) != position) {
      if (table[hole] == 0) {
        return;
      }
      hole = (hole + 1) & mask;
    }
    for (int j = (hole + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
      int home = spread(hashOf(table[j])) & mask;
      // the entry at j may move into the hole unless its home lies cyclically in (hole, j]
      boolean homeBetween = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (!homeBetween) {
        table[hole] = table[j];
        hole = j;
      }
    }
    table[hole] = 0;
  }
}
