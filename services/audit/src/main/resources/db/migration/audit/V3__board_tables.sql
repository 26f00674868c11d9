-- Tables made for the Grafana boards (资金监管, 县级总览), so that a board refresh reads a few narrow
-- indexed rows filtered by its time range instead of parsing every payment's JSON in audit_log.
-- They are derived data, not part of the chained log: an AFTER INSERT trigger on audit_log fills
-- them in the transaction of the append (so they are never behind the log), and this migration
-- fills them from the entries already there. Dropping and re-running the backfill rebuilds them.
--
-- board_household: township and village (codes and names) of each registered household
-- board_payment:   one row per subsidy payment (programme, period, amount, paid at)
-- board_milestone: the steps the official indicators count, one row per audit entry:
--   SIGNAL        a risk-signal alert (Rule.riskSignal()), a SELF_DECLARED, a verified case
--                 (IDENTIFICATION_STEP HOME_VISIT): what starts the 15-day identification clock
--   IDENTIFIED    an admitting IDENTIFICATION_STEP COUNTY_DECISION or MONITORING_STATUS_CHANGED MONITORED
--   NOT_ADMITTED  a refusing IDENTIFICATION_STEP COUNTY_DECISION (the clock stops too)
--   ELIMINATED    an approving ELIMINATION_STEP COUNTY_DECISION or MONITORING_STATUS_CHANGED RISK_ELIMINATED
--   CASE_OPENED, CASE_RESOLVED  a cadre's case (audience CADRE) opened or resolved (办结)
CREATE TABLE board_household (
    household_id  text COLLATE "C" PRIMARY KEY,
    township_code text COLLATE "C",
    township_name text,
    village_code  text COLLATE "C",
    village_name  text,
    registered_at timestamptz
);
CREATE INDEX board_household_place ON board_household (township_code, village_code);

CREATE TABLE board_payment (
    seq          bigint PRIMARY KEY,
    household_id text COLLATE "C",
    programme    text COLLATE "C" NOT NULL,
    period       text COLLATE "C",
    amount       numeric(14, 2),
    paid_at      timestamptz NOT NULL
);
CREATE INDEX board_payment_paid ON board_payment (paid_at);

CREATE TABLE board_milestone (
    seq          bigint PRIMARY KEY,
    household_id text COLLATE "C" NOT NULL,
    milestone    text COLLATE "C" NOT NULL,
    at           timestamptz NOT NULL
);
CREATE INDEX board_milestone_household ON board_milestone (household_id, at);
CREATE INDEX board_milestone_kind ON board_milestone (milestone, at);

-- The programmes' Chinese names (org.shouwang.events.Programme), so payment panels do not show codes;
-- a programme appended later shows its code until a migration adds its name.
CREATE TABLE board_programme (
    programme text COLLATE "C" PRIMARY KEY,
    name      text NOT NULL
);
INSERT INTO board_programme (programme, name) VALUES
    ('MINIMUM_LIVING_ALLOWANCE', '低保'),
    ('EXTREME_POVERTY_SUPPORT', '特困供养'),
    ('TEMPORARY_ASSISTANCE', '临时救助'),
    ('MEDICAL_ASSISTANCE', '医疗救助'),
    ('EDUCATION_AID', '教育资助'),
    ('RAINDEW_VOCATIONAL', '雨露计划'),
    ('DISABILITY_LIVING_SUBSIDY', '困难残疾人生活补贴'),
    ('DISABILITY_CARE_SUBSIDY', '重度残疾人护理补贴'),
    ('PUBLIC_WELFARE_JOB', '公益性岗位工资'),
    ('INDUSTRY_AWARD', '产业奖补'),
    ('EMPLOYMENT_AWARD', '就业奖补');

-- The three statements that collect the board rows of a set of audit entries, with %s for where the
-- entries come from: the trigger's transition table (one pass per appending statement, no copy), one
-- entry, or a slice of the log for the backfill. Only the kinds the boards read are looked at, and only
-- their payloads are parsed.
CREATE FUNCTION board_statements() RETURNS text[]
    LANGUAGE sql IMMUTABLE AS
$fn$
SELECT ARRAY[
$q$
INSERT INTO board_household AS b (household_id, township_code, township_name, village_code,
                                  village_name, registered_at)
SELECT DISTINCT ON (e.household_id)
       e.household_id, j -> 'data' ->> 'townshipCode', j -> 'data' ->> 'townshipName',
       j -> 'data' ->> 'villageCode', j -> 'data' ->> 'villageName', coalesce(e.occurred_at, e.appended_at)
FROM %s e
     CROSS JOIN LATERAL (SELECT convert_from(e.payload, 'UTF8')::jsonb AS j) p
WHERE e.kind = 'HOUSEHOLD_EVENT:HOUSEHOLD_REGISTERED' AND e.household_id IS NOT NULL
ORDER BY e.household_id, e.seq DESC
ON CONFLICT (household_id) DO UPDATE
    SET township_code = excluded.township_code, township_name = excluded.township_name,
        village_code = excluded.village_code, village_name = excluded.village_name
$q$,
$q$
INSERT INTO board_payment (seq, household_id, programme, period, amount, paid_at)
SELECT e.seq, e.household_id, substr(e.kind, 17), j ->> 'period',
       CASE WHEN jsonb_typeof(j -> 'amount') = 'number' THEN (j ->> 'amount')::numeric(14, 2) END,
       coalesce(e.occurred_at, e.appended_at)
FROM %s e
     CROSS JOIN LATERAL (SELECT convert_from(e.payload, 'UTF8')::jsonb AS j) p
WHERE e.kind LIKE 'SUBSIDY\_PAYMENT:%%'
ON CONFLICT (seq) DO NOTHING
$q$,
$q$
INSERT INTO board_milestone (seq, household_id, milestone, at)
SELECT seq, household_id, milestone, at
FROM (
    SELECT e.seq, e.household_id, coalesce(e.occurred_at, e.appended_at) AS at,
           CASE
               WHEN e.kind = 'HOUSEHOLD_EVENT:IDENTIFICATION_STEP' THEN
                   CASE
                       WHEN d.j -> 'data' ->> 'step' = 'HOME_VISIT' THEN 'SIGNAL'
                       WHEN d.j -> 'data' ->> 'step' = 'COUNTY_DECISION'
                            AND d.j -> 'data' -> 'admitted' = 'true'::jsonb THEN 'IDENTIFIED'
                       WHEN d.j -> 'data' ->> 'step' = 'COUNTY_DECISION' THEN 'NOT_ADMITTED'
                   END
               WHEN e.kind = 'HOUSEHOLD_EVENT:ELIMINATION_STEP' THEN
                   CASE
                       WHEN d.j -> 'data' ->> 'step' = 'COUNTY_DECISION'
                            AND coalesce(d.j -> 'data' -> 'approved', d.j -> 'data' -> 'admitted')
                                = 'true'::jsonb THEN 'ELIMINATED'
                   END
               WHEN e.kind = 'HOUSEHOLD_EVENT:MONITORING_STATUS_CHANGED' THEN
                   CASE d.j -> 'data' ->> 'status'
                       WHEN 'MONITORED' THEN 'IDENTIFIED'
                       WHEN 'RISK_ELIMINATED' THEN 'ELIMINATED'
                   END
               WHEN e.kind = 'CASE:OPENED' AND d.j ->> 'audience' = 'CADRE' THEN 'CASE_OPENED'
               WHEN e.kind = 'CASE:RESOLVED' AND d.j ->> 'audience' = 'CADRE' THEN 'CASE_RESOLVED'
               WHEN e.kind IN ('CASE:OPENED', 'CASE:RESOLVED') THEN NULL
               ELSE 'SIGNAL'
           END AS milestone
    FROM %s e
         CROSS JOIN LATERAL (
             SELECT CASE
                        WHEN e.kind IN ('HOUSEHOLD_EVENT:IDENTIFICATION_STEP',
                                        'HOUSEHOLD_EVENT:ELIMINATION_STEP',
                                        'HOUSEHOLD_EVENT:MONITORING_STATUS_CHANGED',
                                        'CASE:OPENED', 'CASE:RESOLVED')
                        THEN convert_from(e.payload, 'UTF8')::jsonb
                    END AS j) d
    WHERE e.household_id IS NOT NULL
      -- risk signals (Rule.riskSignal()), a self-declaration, and the steps the indicators count
      AND e.kind IN ('ALERT:LOW_INCOME', 'ALERT:INCOME_DROP', 'ALERT:MEDICAL_BURDEN',
                     'ALERT:SCHOOLING_BURDEN', 'ALERT:SCHOOL_DROPOUT', 'ALERT:UNSAFE_HOUSING',
                     'ALERT:UNSAFE_WATER', 'ALERT:UNINSURED', 'ALERT:DISASTER_LOSS',
                     'ALERT:LABOUR_LOSS', 'ALERT:BUSINESS_FAILURE', 'ALERT:LOAN_OVERDUE',
                     'HOUSEHOLD_EVENT:SELF_DECLARED', 'HOUSEHOLD_EVENT:IDENTIFICATION_STEP',
                     'HOUSEHOLD_EVENT:ELIMINATION_STEP', 'HOUSEHOLD_EVENT:MONITORING_STATUS_CHANGED',
                     'CASE:OPENED', 'CASE:RESOLVED')
) m
WHERE milestone IS NOT NULL
ON CONFLICT (seq) DO NOTHING
$q$]
$fn$;

-- Collects the board rows of the entries of one appending statement (the service appends a batch
-- with one COPY). Runs as the migration's owner (SECURITY DEFINER): the service writes the log under
-- its least-privileged role, which may only SELECT and INSERT audit_log. A payload that is not valid
-- JSON must never stop the append the log exists for: if the batch fails, its entries are taken one by
-- one and an unreadable one is only reported.
CREATE FUNCTION board_collect_appended() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS
$$
DECLARE
    statement text;
    entry     audit_log;
BEGIN
    BEGIN
        FOREACH statement IN ARRAY board_statements() LOOP
            EXECUTE format(statement, 'appended');
        END LOOP;
    EXCEPTION WHEN others THEN
        FOR entry IN SELECT * FROM appended LOOP
            BEGIN
                FOREACH statement IN ARRAY board_statements() LOOP
                    EXECUTE format(statement, '(SELECT ($1).*)') USING entry;
                END LOOP;
            EXCEPTION WHEN others THEN
                RAISE WARNING 'board tables: audit entry % (%) skipped: %', entry.seq, entry.kind, SQLERRM;
            END;
        END LOOP;
    END;
    RETURN NULL;
END
$$;

CREATE TRIGGER audit_log_board_tables
    AFTER INSERT ON audit_log
    REFERENCING NEW TABLE AS appended
    FOR EACH STATEMENT EXECUTE FUNCTION board_collect_appended();

-- The entries already in the log, in slices.
DO
$$
DECLARE
    low       bigint := 0;
    high      bigint := (SELECT coalesce(max(seq), 0) FROM audit_log);
    statement text;
    slice     text;
BEGIN
    WHILE low < high LOOP
        slice := format('(SELECT * FROM audit_log WHERE seq > %s AND seq <= %s)', low, low + 50000);
        FOREACH statement IN ARRAY board_statements() LOOP
            EXECUTE format(statement, slice);
        END LOOP;
        low := low + 50000;
    END LOOP;
END
$$;

-- The identification decisions with the start of their 15-day clock: the first signal after the
-- household's previous decision (ADR 0005). A decision with no signal before it (a department
-- reporting the outcome only) has no clock start.
CREATE VIEW board_identification AS
WITH decisions AS (
    SELECT seq, household_id, at, milestone,
           lag(at) OVER (PARTITION BY household_id ORDER BY at, seq) AS previous_decision_at
    FROM board_milestone
    WHERE milestone IN ('IDENTIFIED', 'NOT_ADMITTED')
)
SELECT d.household_id,
       d.at                        AS decided_at,
       d.milestone = 'IDENTIFIED'  AS admitted,
       (SELECT min(s.at)
        FROM board_milestone s
        WHERE s.household_id = d.household_id
          AND s.milestone = 'SIGNAL'
          AND s.at <= d.at
          AND (d.previous_decision_at IS NULL OR s.at > d.previous_decision_at)) AS clock_started_at
FROM decisions d;

-- Read access for whoever reads the boards (the Grafana role of docker/postgres/init.sql, where it
-- exists): SELECT on the board tables and the view, nothing else of this schema.
DO
$$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'shouwang_boards') THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO shouwang_boards', current_schema());
        GRANT SELECT ON board_household, board_payment, board_milestone, board_programme,
                         board_identification
            TO shouwang_boards;
    END IF;
END
$$;

-- Where an operator manages the database roles (CloudNativePG's managed roles, see deploy/kubernetes),
-- the app role of V2 exists before the migrations and the migrating owner may hold its membership
-- without the right to grant it; V2's block then stopped at that grant, before its GRANTs. The owner
-- of audit_log can always grant these.
DO
$$
DECLARE
    app_role text := current_database() || '_audit_app';
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app_role) THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), app_role);
        EXECUTE format('GRANT SELECT, INSERT ON audit_log TO %I', app_role);
    END IF;
EXCEPTION
    WHEN insufficient_privilege THEN
        RAISE NOTICE 'audit: cannot grant the log to %, the service will run as its login', app_role;
END
$$;
