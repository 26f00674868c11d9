package org.shouwang.ingest.intake;

import java.util.List;

/**
 * What a request achieved, record by record.
 *
 * @param kind {@code household-event} or {@code subsidy-payment}
 * @param received records in the request
 * @param accepted records Kafka acknowledged
 * @param duplicates records not sent again because their id was accepted recently
 * @param rejected records that break the contract
 * @param failed valid records Kafka did not acknowledge (resend them)
 * @param results one result per record, in request order
 */
public record IntakeReport(
    String kind,
    int received,
    int accepted,
    int duplicates,
    int rejected,
    int failed,
    List<RecordResult> results) {

  /** The same report with other results of the same records (an import's Chinese problems). */
  public IntakeReport withResults(List<RecordResult> newResults) {
    return new IntakeReport(
        kind, received, accepted, duplicates, rejected, failed, List.copyOf(newResults));
  }

  static IntakeReport of(RecordKind kind, List<RecordResult> results) {
    int[] counts = new int[RecordStatus.values().length];
    for (RecordResult result : results) {
      counts[result.status().ordinal()]++;
    }
    return new IntakeReport(
        kind.tag(),
        results.size(),
        counts[RecordStatus.ACCEPTED.ordinal()],
        counts[RecordStatus.DUPLICATE.ordinal()],
        counts[RecordStatus.REJECTED.ordinal()],
        counts[RecordStatus.FAILED.ordinal()],
        List.copyOf(results));
  }
}
