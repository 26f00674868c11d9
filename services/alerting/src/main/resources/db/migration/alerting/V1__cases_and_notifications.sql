-- Alerts as received from risk.alerts: the unique alert_id makes redelivery harmless.
create table alerts (
    alert_id      text primary key,
    household_id  text        not null,
    rule          text        not null,
    severity      text        not null,
    audience      text        not null,
    detected_at   timestamptz not null,
    township_code text,
    village_code  text,
    cadre_id      text,
    payload       text        not null, -- the contract JSON exactly as consumed
    received_at   timestamptz not null,
    case_id       uuid
);
create index alerts_household on alerts (household_id, detected_at desc);
create index alerts_detected on alerts (detected_at desc);
create index alerts_case on alerts (case_id);

-- One open case per household and audience; a closed case stays as it was.
create table cases (
    case_id            uuid primary key,
    household_id       text        not null,
    audience           text        not null,
    state              text        not null,
    severity           text        not null,
    township_code      text,
    village_code       text,
    cadre_id           text,
    previous_case_id   uuid,
    opened_at          timestamptz not null,
    updated_at         timestamptz not null,
    acknowledged_at    timestamptz,
    verified_at        timestamptz,
    first_measure_at   timestamptz,
    closed_at          timestamptz,
    deadline_kind      text, -- ACKNOWLEDGE or MEASURE while a deadline runs
    deadline           timestamptz,
    escalation_level   int         not null default 0, -- 0 none, 1 township, 2 county
    next_escalation_at timestamptz,
    escalated_at       timestamptz,
    dismiss_reason     text,
    outcome            text
);
create unique index cases_one_open on cases (household_id, audience)
    where state not in ('RESOLVED', 'DISMISSED');
create index cases_township on cases (township_code, state);
create index cases_cadre on cases (cadre_id);
create index cases_escalation on cases (next_escalation_at) where next_escalation_at is not null;

-- Who did what to a case, when and why.
create table case_history (
    id        bigserial primary key,
    case_id   uuid        not null references cases,
    at        timestamptz not null,
    actor     text        not null,
    action    text        not null,
    state     text        not null,
    reason    text,
    details   text -- JSON object
);
create index case_history_case on case_history (case_id, id);

create table measures (
    id          bigserial primary key,
    case_id     uuid          not null references cases,
    kind        text          not null,
    description text          not null,
    amount      numeric(14, 2),
    recorded_by text          not null,
    recorded_at timestamptz   not null
);
create index measures_case on measures (case_id);

-- Case events for case.events, written in the transaction of the change and relayed to Kafka.
create table case_event_outbox (
    id           bigserial primary key,
    household_id text        not null,
    payload      text        not null,
    created_at   timestamptz not null,
    published_at timestamptz
);
create index case_event_outbox_pending on case_event_outbox (id) where published_at is null;

-- One message to one recipient; items arriving within the group window join it.
create table notifications (
    id                  bigserial primary key,
    recipient           text        not null,
    created_at          timestamptz not null,
    send_after          timestamptz not null,
    status              text        not null, -- PENDING, SENT, FELL_BACK_TO_INBOX
    title               text,
    body                text,
    channel_index       int         not null default 0,
    attempts_on_channel int         not null default 0,
    next_attempt_at     timestamptz not null,
    delivered_channel   text,
    delivered_at        timestamptz
);
create index notifications_due on notifications (next_attempt_at) where status = 'PENDING';
create index notifications_collecting on notifications (recipient) where body is null;

create table notification_items (
    id              bigserial primary key,
    notification_id bigint      not null references notifications,
    case_id         uuid        not null references cases,
    kind            text        not null, -- ALERT, ESCALATION, REMINDER
    text            text        not null,
    created_at      timestamptz not null
);
create index notification_items_notification on notification_items (notification_id);
create index notification_items_case on notification_items (case_id);

create table delivery_attempts (
    id              bigserial primary key,
    notification_id bigint      not null references notifications,
    channel         text        not null,
    target          text        not null,
    attempt         int         not null,
    at              timestamptz not null,
    success         boolean     not null,
    error           text,
    duration_ms     bigint      not null
);
create index delivery_attempts_notification on delivery_attempts (notification_id, id);

-- The in-app inbox: every notification lands here, whatever else delivers it.
create table inbox (
    id              bigserial primary key,
    recipient       text        not null,
    notification_id bigint      not null unique references notifications,
    title           text        not null,
    body            text        not null,
    created_at      timestamptz not null,
    read_at         timestamptz
);
create index inbox_recipient on inbox (recipient, id desc);
