package org.shouwang.ingest.intake;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids Kafka acknowledged most recently, bounded: when full, the oldest is forgotten. Best
 * effort only (one instance's memory, lost on restart); consumers are idempotent on the ids
 * themselves. Lookups take no lock; additions are serialized (a ring of ids gives the eviction
 * order).
 */
final class RecentIds {

  private final int capacity;
  private final ConcurrentHashMap<String, Boolean> ids;
  private final String[] ring;
  private int next;

  RecentIds(int capacity) {
    this.capacity = capacity;
    this.ids = new ConcurrentHashMap<>(Math.max(16, Math.min(capacity, 1 << 20)));
    this.ring = new String[capacity];
  }

  boolean contains(String id) {
    return capacity > 0 && ids.containsKey(id);
  }

  synchronized void add(Iterable<String> accepted) {
    if (capacity == 0) {
      return;
    }
    for (String id : accepted) {
      if (ids.putIfAbsent(id, Boolean.TRUE) == null) {
        String evicted = ring[next];
        if (evicted != null) {
          ids.remove(evicted);
        }
        ring[next] = id;
        next = (next + 1) % capacity;
      }
    }
  }

  int size() {
    return ids.size();
  }
}
