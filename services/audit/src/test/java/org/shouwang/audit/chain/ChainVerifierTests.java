package org.shouwang.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shouwang.audit.chain.ChainBreak.Problem;

class ChainVerifierTests {

  @Test
  void acceptsAnIntactChainAndReportsItsHead() {
    List<AuditEntry> chain = Entries.chain(5);

    VerificationResult result = walk(ChainVerifier.fromGenesis(Map.of()), chain, true);

    assertThat(result.ok()).isTrue();
    assertThat(result.checkedEntries()).isEqualTo(5);
    assertThat(result.headSequence()).isEqualTo(5);
    assertThat(result.headHash()).isEqualTo(chain.get(4).hash());
  }

  @Test
  void findsAChangedPayloadAtThatEntry() {
    List<AuditEntry> chain = new ArrayList<>(Entries.chain(5));
    AuditEntry third = chain.get(2);
    chain.set(2, withPayload(third, "{\"forged\":true}"));

    VerificationResult result = walk(ChainVerifier.fromGenesis(Map.of()), chain, true);

    assertThat(result.firstBreak().sequence()).isEqualTo(3);
    assertThat(result.firstBreak().problem()).isEqualTo(Problem.HASH_MISMATCH);
    assertThat(result.checkedEntries()).isEqualTo(2);
  }

  @Test
  void findsADeletedEntryAsAGap() {
    List<AuditEntry> chain = new ArrayList<>(Entries.chain(5));
    chain.remove(2);

    VerificationResult result = walk(ChainVerifier.fromGenesis(Map.of()), chain, true);

    assertThat(result.firstBreak().sequence()).isEqualTo(3);
    assertThat(result.firstBreak().problem()).isEqualTo(Problem.SEQUENCE_GAP);
  }

  @Test
  void findsARenumberedDeletionByItsBrokenLink() {
    List<AuditEntry> chain = new ArrayList<>(Entries.chain(5));
    chain.remove(2);
    for (int i = 2; i < chain.size(); i++) {
      chain.set(i, renumbered(chain.get(i), i + 1));
    }

    VerificationResult result = walk(ChainVerifier.fromGenesis(Map.of()), chain, true);

    assertThat(result.firstBreak().sequence()).isEqualTo(3);
    assertThat(result.firstBreak().problem()).isEqualTo(Problem.PREV_HASH_MISMATCH);
  }

  @Test
  void findsTwoSwappedEntries() {
    List<AuditEntry> chain = new ArrayList<>(Entries.chain(5));
    AuditEntry third = chain.get(2);
    AuditEntry fourth = chain.get(3);
    chain.set(2, renumbered(fourth, 3));
    chain.set(3, renumbered(third, 4));

    VerificationResult result = walk(ChainVerifier.fromGenesis(Map.of()), chain, true);

    assertThat(result.firstBreak().sequence()).isEqualTo(3);
    assertThat(result.firstBreak().problem()).isEqualTo(Problem.PREV_HASH_MISMATCH);
  }

  @Test
  void findsAConsistentlyRewrittenChainThroughACheckpoint() {
    List<AuditEntry> original = Entries.chain(5);
    List<AuditEntry> rewritten = new ArrayList<>(original.subList(0, 2));
    String prev = rewritten.get(1).hash();
    for (int i = 2; i < 5; i++) {
      AuditEntry forged =
          AuditEntry.chain(
              i + 1,
              original.get(i).appendedAt(),
              Entries.householdEvent("someone-else", i + 1),
              prev);
      rewritten.add(forged);
      prev = forged.hash();
    }
    Map<Long, String> checkpoints = Map.of(4L, original.get(3).hash());

    assertThat(walk(ChainVerifier.fromGenesis(Map.of()), rewritten, true).ok()).isTrue();
    VerificationResult result = walk(ChainVerifier.fromGenesis(checkpoints), rewritten, true);

    assertThat(result.firstBreak().sequence()).isEqualTo(4);
    assertThat(result.firstBreak().problem()).isEqualTo(Problem.CHECKPOINT_MISMATCH);
  }

  @Test
  void findsEntriesRemovedFromTheEndThroughACheckpoint() {
    List<AuditEntry> chain = Entries.chain(5);
    Map<Long, String> checkpoints = Map.of(5L, chain.get(4).hash());

    VerificationResult result =
        walk(ChainVerifier.fromGenesis(checkpoints), chain.subList(0, 3), true);

    assertThat(result.firstBreak().sequence()).isEqualTo(4);
    assertThat(result.firstBreak().problem()).isEqualTo(Problem.CHECKPOINT_BEYOND_HEAD);
  }

  @Test
  void checksEachEntryOfAFilteredExportOnItsOwn() {
    List<AuditEntry> chain = Entries.chain(6);
    List<AuditEntry> filtered = List.of(chain.get(0), chain.get(2), chain.get(3), chain.get(5));

    VerificationResult ok = walk(ChainVerifier.allowingGaps(Map.of()), filtered, false);
    List<AuditEntry> forged = new ArrayList<>(filtered);
    forged.set(1, withPayload(chain.get(2), "{}"));
    VerificationResult broken = walk(ChainVerifier.allowingGaps(Map.of()), forged, false);

    assertThat(ok.ok()).isTrue();
    assertThat(ok.gaps()).isEqualTo(2);
    assertThat(broken.firstBreak().sequence()).isEqualTo(3);
    assertThat(broken.firstBreak().problem()).isEqualTo(Problem.HASH_MISMATCH);
  }

  @Test
  void startsARangeFromThePreviousEntrysHash() {
    List<AuditEntry> chain = Entries.chain(5);

    VerificationResult ok =
        walk(ChainVerifier.from(3, chain.get(1).hash(), Map.of()), chain.subList(2, 5), true);
    VerificationResult wrongStart =
        walk(ChainVerifier.from(3, chain.get(0).hash(), Map.of()), chain.subList(2, 5), true);

    assertThat(ok.ok()).isTrue();
    assertThat(ok.firstSequence()).isEqualTo(3);
    assertThat(wrongStart.firstBreak().problem()).isEqualTo(Problem.PREV_HASH_MISMATCH);
  }

  static VerificationResult walk(
      ChainVerifier verifier, List<AuditEntry> entries, boolean reachedEnd) {
    for (AuditEntry e : entries) {
      if (!verifier.accept(e)) {
        break;
      }
    }
    return verifier.finish(reachedEnd);
  }

  private static AuditEntry withPayload(AuditEntry e, String payload) {
    return new AuditEntry(
        e.sequence(),
        e.appendedAt(),
        e.occurredAt(),
        e.kind(),
        e.householdId(),
        e.actor(),
        e.sourceTopic(),
        e.sourcePartition(),
        e.sourceOffset(),
        e.recordKey(),
        e.detail(),
        payload.getBytes(StandardCharsets.UTF_8),
        e.prevHash(),
        e.hash());
  }

  private static AuditEntry renumbered(AuditEntry e, long sequence) {
    return new AuditEntry(
        sequence,
        e.appendedAt(),
        e.occurredAt(),
        e.kind(),
        e.householdId(),
        e.actor(),
        e.sourceTopic(),
        e.sourcePartition(),
        e.sourceOffset(),
        e.recordKey(),
        e.detail(),
        e.payload(),
        e.prevHash(),
        e.hash());
  }
}
