package org.shouwang.ingest.intake;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids Kafka acknowledged most recently, bounded: the oldest is forgotten when full. Best effort
 * only (one instance's memory, lost on restart); consumers are idempotent on the ids themselves.
 */
final class RecentIds {

  private final int capacity;
  private final Map<String, Boolean> ids;

  RecentIds(int capacity) {
    this.capacity = capacity;
    this.ids =
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RecentIds.this.capacity;
          }
        };
  }

  synchronized boolean contains(String id) {
    return capacity > 0 && ids.containsKey(id);
  }

  synchronized void add(Iterable<String> accepted) {
    if (capacity == 0) {
      return;
    }
    for (String id : accepted) {
      ids.put(id, Boolean.TRUE);
    }
  }

  synchronized int size() {
    return ids.size();
  }
}
