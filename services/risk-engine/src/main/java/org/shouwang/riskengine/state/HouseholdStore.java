package org.shouwang.riskengine.state;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.shouwang.riskengine.rules.HouseholdState;

/**
 * The household store as the processor uses it: decoded states of recently seen households in front
 * of the RocksDB store (with its changelog), and, with write-back on, the states changed since the
 * last commit held decoded until Kafka Streams flushes the task's stores before committing. Each
 * changed household is then encoded and written once, in one burst per commit, as Kafka Streams'
 * own record cache would, without that cache's sorted map, dirty-key set and byte copies per write
 * (measured at a fifth of the stream thread).
 *
 * <p>A record that fails midway must leave its household as the last record that succeeded left it:
 * {@link #discard} drops a household the store holds as it was, and puts back the copy {@link #get}
 * took of a household changed since the last commit (copying is far cheaper than encoding and
 * writing it, which would also lose the merging of writes between commits).
 *
 * <p>Exactly-once holds: Kafka Streams calls {@link #flushCache} for every task in {@code
 * prepareCommit}, before it flushes the producer and commits the transaction with the input
 * offsets, so the changelog records of every change go into the transaction that consumes the
 * records that made them. A task closed uncleanly aborts its transaction and drops what is held.
 * Relies on {@link WrappedStateStore} and its {@code flushCache} hook, internal to Kafka Streams
 * (4.1): {@code RoutingAndReplayTests} (the state is in RocksDB once the test driver commits) fails
 * if that hook stops being called.
 */
public final class HouseholdStore
    extends WrappedStateStore<KeyValueStore<Bytes, byte[]>, Bytes, byte[]> {

  /** Told how the encoded state held by the store grows or shrinks. */
  public interface SizeListener {
    void changed(long bytesDelta, long householdsDelta);
  }

  private static final SizeListener NO_LISTENER = (bytes, households) -> {};

  private final int capacity;
  private final boolean writeBack;
  private final Decoded decoded;
  // changed since the last flush, in the order they first changed
  private final Map<Bytes, Entry> dirty = new LinkedHashMap<>();
  private SizeListener listener = NO_LISTENER;
  // the entry get() read last, until the next put(); with capacity 0 it is held nowhere else
  private Entry lastRead;

  /**
   * @param inner the logged RocksDB store (no record cache)
   * @param capacity decoded states kept; 0 keeps none and writes every state at once
   * @param writeBack hold changed states until the commit (true) or write each at once (false)
   */
  HouseholdStore(KeyValueStore<Bytes, byte[]> inner, int capacity, boolean writeBack) {
    super(inner);
    this.capacity = capacity;
    this.writeBack = writeBack && capacity > 0;
    this.decoded = new Decoded();
  }

  /** A builder for the topology: RocksDB, logged, without Kafka Streams' record cache. */
  public static StoreBuilder<HouseholdStore> builder(String name, int capacity, boolean writeBack) {
    return new Builder(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray())
            .withCachingDisabled(),
        capacity,
        writeBack);
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    dropHeld();
    super.init(context, root);
  }

  public void sizeListener(SizeListener listener) {
    this.listener = listener == null ? NO_LISTENER : listener;
  }

  /**
   * A household's state, exactly as stored, for the caller to change and {@link #put} back (or
   * {@link #discard}); {@code null} if the household has none.
   */
  public HouseholdState get(Bytes key) {
    Entry entry = decoded.get(key);
    if (entry != null) {
      // changed since the last commit: the store does not hold it, so keep what a failing record
      // must go back to
      entry.before = entry.dirty ? entry.state.copy() : null;
      return entry.state;
    }
    byte[] stored = wrapped().get(key);
    if (stored == null) {
      return null;
    }
    CodecCache cache = new CodecCache();
    entry = new Entry(StateCodec.decode(stored, cache), stored.length, cache);
    decoded.put(key, entry);
    // kept by the next put() even when no decoded state is held (capacity 0): its encoding reuses
    // what the decoding read
    lastRead = entry;
    return entry.state;
  }

  /** A household's changed state, after a record or deadline that completed. */
  public void put(Bytes key, HouseholdState state) {
    Entry entry = decoded.get(key);
    if (entry == null && lastRead != null && lastRead.state == state) {
      entry = lastRead;
    }
    lastRead = null;
    if (entry == null) {
      entry = new Entry(state, unstoredSize(key), new CodecCache());
      if (capacity > 0) {
        decoded.put(key, entry);
      }
    } else {
      entry.state = state;
    }
    // entry.before stays until the next get(): a record may still fail after putting its state
    // (sending an alert), and must then go back to the state before it
    if (writeBack) {
      if (!entry.dirty) {
        // already listed when it changed before since the last commit
        entry.dirty = true;
        dirty.put(key, entry);
      }
    } else {
      write(key, entry);
    }
  }

  /**
   * Goes back to a household's state before the record that failed halfway, whether or not it had
   * put its state back yet.
   */
  public void discard(Bytes key) {
    lastRead = null;
    Entry entry = decoded.get(key);
    if (entry != null && entry.dirty && entry.before != null) {
      entry.state = entry.before; // still to be written at the commit
      entry.before = null;
      return;
    }
    // the store holds it as it was before
    decoded.remove(key);
    dirty.remove(key);
  }

  /** A value stored beside the households (the task's clock), read as stored. */
  public byte[] getRaw(Bytes key) {
    return wrapped().get(key);
  }

  /** A value stored beside the households, written at once. */
  public void putRaw(Bytes key, byte[] value) {
    wrapped().put(key, value);
  }

  /** Everything stored: only before the first change (at init), when nothing is held. */
  public KeyValueIterator<Bytes, byte[]> all() {
    if (!dirty.isEmpty()) {
      throw new IllegalStateException("changed households not yet written");
    }
    return wrapped().all();
  }

  /** Changed households not yet written to the store. */
  public int pendingWrites() {
    return dirty.size();
  }

  /** Writes every changed household: Kafka Streams calls this before each commit. */
  @Override
  public void flushCache() {
    writeDirty();
    super.flushCache();
  }

  @Override
  public void flush() {
    writeDirty();
    super.flush();
  }

  /** Drops what is held: Kafka Streams calls this when it throws a task's state away. */
  @Override
  public void clearCache() {
    dropHeld();
    super.clearCache();
  }

  @Override
  public void close() {
    // a clean close has committed (and so flushed) first; anything left belongs to a transaction
    // that is being aborted
    dropHeld();
    super.close();
  }

  private void dropHeld() {
    lastRead = null;
    decoded.clear();
    dirty.clear();
  }

  private void writeDirty() {
    // cleared only once all are written: a write that fails leaves every one to write again
    for (Map.Entry<Bytes, Entry> e : dirty.entrySet()) {
      write(e.getKey(), e.getValue());
    }
    dirty.clear();
  }

  private void write(Bytes key, Entry entry) {
    byte[] encoded = StateCodec.encode(entry.state, entry.cache);
    wrapped().put(key, encoded);
    listener.changed(encoded.length - Math.max(0, entry.bytes), entry.bytes < 0 ? 1 : 0);
    entry.bytes = encoded.length;
    entry.dirty = false;
    entry.before = null;
  }

  // the stored size of a household not held decoded: -1 when it has no state yet
  private int unstoredSize(Bytes key) {
    byte[] stored = wrapped().get(key);
    return stored == null ? -1 : stored.length;
  }

  /**
   * A decoded state, the size of its stored encoding (-1: none yet), whether it changed since it
   * was written, (when it had) a copy from before the record now changing it, and what its next
   * encoding may reuse from the last (which holds for the copy too).
   */
  private static final class Entry {
    HouseholdState state;
    int bytes;
    boolean dirty;
    HouseholdState before;
    final CodecCache cache;

    Entry(HouseholdState state, int bytes, CodecCache cache) {
      this.state = state;
      this.bytes = bytes;
      this.cache = cache;
    }
  }

  /** Least recently used decoded states, at most {@code capacity}; a changed one is written out. */
  private final class Decoded extends LinkedHashMap<Bytes, Entry> {
    Decoded() {
      super(16, 0.75f, true);
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<Bytes, Entry> eldest) {
      if (size() <= capacity) {
        return false;
      }
      if (eldest.getValue().dirty) {
        write(eldest.getKey(), eldest.getValue());
        dirty.remove(eldest.getKey());
      }
      return true;
    }
  }

  /** Builds a {@link HouseholdStore} around the logged RocksDB store of a key-value builder. */
  private static final class Builder implements StoreBuilder<HouseholdStore> {
    private final StoreBuilder<KeyValueStore<Bytes, byte[]>> inner;
    private final int capacity;
    private final boolean writeBack;

    Builder(StoreBuilder<KeyValueStore<Bytes, byte[]>> inner, int capacity, boolean writeBack) {
      this.inner = inner;
      this.capacity = capacity;
      this.writeBack = writeBack;
    }

    @Override
    public StoreBuilder<HouseholdStore> withCachingEnabled() {
      throw new UnsupportedOperationException(
          "the household store holds changed states itself; Kafka Streams' record cache stays off");
    }

    @Override
    public StoreBuilder<HouseholdStore> withCachingDisabled() {
      return this;
    }

    @Override
    public StoreBuilder<HouseholdStore> withLoggingEnabled(Map<String, String> config) {
      inner.withLoggingEnabled(config);
      return this;
    }

    @Override
    public StoreBuilder<HouseholdStore> withLoggingDisabled() {
      inner.withLoggingDisabled();
      return this;
    }

    @Override
    public HouseholdStore build() {
      return new HouseholdStore(inner.build(), capacity, writeBack);
    }

    @Override
    public Map<String, String> logConfig() {
      return inner.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
      return inner.loggingEnabled();
    }

    @Override
    public String name() {
      return inner.name();
    }
  }
}
