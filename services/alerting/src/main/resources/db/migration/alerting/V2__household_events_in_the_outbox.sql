-- The outbox also carries household events that a cadre's case work produces (a verified case is a
-- home visit, a recorded measure is assistance): one relay, one order, for both topics.
-- topic: the contract topic's unprefixed name; event_id: set for household events, whose id is
-- derived from the case work, so appending the same event twice keeps one row.
alter table case_event_outbox add column topic text not null default 'case.events';
alter table case_event_outbox add column event_id text;
create unique index case_event_outbox_event_id on case_event_outbox (event_id)
    where event_id is not null;
