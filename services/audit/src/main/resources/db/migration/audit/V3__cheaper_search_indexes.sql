-- Cheaper search indexes (issue #6: appends must keep up with the risk engine). The b-trees on
-- (kind, seq) and (actor, seq) cost about a quarter of the server's time per append; they are
-- replaced by indexes that cost next to nothing on append and still serve every search:
--  * kind and actor equality: a BRIN bloom index. The rows go in sequence order, so a block range
--    of 16 pages holds a few hundred consecutive entries; its bloom filter says whether a kind or
--    actor can be in it. A search for a rare kind or actor reads only the ranges that may hold it
--    (bitmap scan) and sorts those few rows by seq; a common one is read along the primary key,
--    where it is found at once. Ranges are summarised when full (autosummarize), not per insert.
--  * a family (kind=DEAD_LETTER, kind=AUDIT_READ): the rare families get a partial b-tree, which
--    the entries of the busy families (household events, payments, alerts, cases) never touch;
--    the busy families are read along the primary key.
--  * occurred_at ranges: a BRIN min/max index (occurred_at follows seq closely).
-- The household timeline keeps its b-tree (household_id, seq): it is the auditors' main search.
DROP INDEX audit_log_kind;
DROP INDEX audit_log_actor;

CREATE INDEX audit_log_kind_actor_bloom ON audit_log
    USING brin (kind text_bloom_ops, actor text_bloom_ops)
    WITH (pages_per_range = 16, autosummarize = on);

CREATE INDEX audit_log_rare_families ON audit_log (kind, seq)
    WHERE (kind >= 'AUDIT_READ:' AND kind < 'AUDIT_READ;')
       OR (kind >= 'DEAD_LETTER:' AND kind < 'DEAD_LETTER;');

CREATE INDEX audit_log_occurred ON audit_log USING brin (occurred_at) WITH (autosummarize = on);
