-- Runs once, as the superuser of the image (POSTGRES_USER), on an empty data directory. One database
-- per service that keeps state, and one least-privileged login per user of them; no service logs in
-- as the superuser. Passwords are for the local stack only: a deployment sets its own (ALTER ROLE …
-- PASSWORD) and passes them to the services' environment.
--
-- role                   what it may do
-- shouwang_alerting      owns the database alerting (its Flyway migrations, its tables)
-- shouwang_audit_owner   owns the database audit: used only by the audit service's Flyway
--                        (spring.flyway.user); the owner of audit_log is the only non-superuser who could
--                        disable its append-only trigger, so the service does not run as it
-- shouwang_audit         the audit service at run time: a member of audit_audit_app (SELECT and INSERT on
--                        audit_log, nothing else; migration V2 grants it) — it can neither change the log
--                        nor disable its trigger
-- shouwang_console       the console: SELECT on both databases
-- grafana                the boards: SELECT on the alerting tables and on the audit board tables only
--                        (role shouwang_boards; the audit migration V3 grants it)

CREATE ROLE shouwang_alerting LOGIN PASSWORD 'shouwang-alerting';
CREATE ROLE shouwang_audit_owner LOGIN PASSWORD 'shouwang-audit-owner';
CREATE ROLE shouwang_audit LOGIN PASSWORD 'shouwang-audit';
CREATE ROLE shouwang_console LOGIN PASSWORD 'shouwang-console';
CREATE ROLE shouwang_boards NOLOGIN;
CREATE ROLE grafana LOGIN PASSWORD 'grafana' IN ROLE shouwang_boards;

-- the audit service's least-privileged role (<database>_audit_app, see the audit module's V2): created
-- here so that the run-time login can be made a member; V2 finds it and grants it SELECT, INSERT
CREATE ROLE audit_audit_app NOLOGIN NOINHERIT;
GRANT audit_audit_app TO shouwang_audit;
GRANT audit_audit_app TO shouwang_audit_owner WITH ADMIN OPTION;

CREATE DATABASE alerting OWNER shouwang_alerting;
CREATE DATABASE audit OWNER shouwang_audit_owner;
REVOKE ALL ON DATABASE alerting, audit FROM PUBLIC;
GRANT CONNECT ON DATABASE alerting TO shouwang_console, grafana;
GRANT CONNECT ON DATABASE audit TO shouwang_audit, shouwang_console, grafana;

\connect alerting
-- tables the alerting migrations create later are readable by the console and the boards
ALTER DEFAULT PRIVILEGES FOR ROLE shouwang_alerting IN SCHEMA public
    GRANT SELECT ON TABLES TO shouwang_console, shouwang_boards;

\connect audit
-- the console reads place names from the log; the boards get their own tables from migration V3
ALTER DEFAULT PRIVILEGES FOR ROLE shouwang_audit_owner IN SCHEMA public
    GRANT SELECT ON TABLES TO shouwang_console;
