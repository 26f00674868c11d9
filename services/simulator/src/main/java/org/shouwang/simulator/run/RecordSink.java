package org.shouwang.simulator.run;

import java.util.List;
import org.shouwang.simulator.plan.SimRecord;

/** Where simulated records go. */
interface RecordSink extends AutoCloseable {

  /** Hands records over; results are reported to the metrics as they arrive. */
  void send(List<SimRecord> records);

  /** Waits until everything handed over is acknowledged or failed. */
  void flush();

  @Override
  void close();
}
