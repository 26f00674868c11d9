-- A least-privileged role for the service's own statements: SELECT and INSERT on the log, nothing
-- else. The service switches to it with SET LOCAL ROLE at the start of every transaction, so even
-- a bug or an injected statement in the service cannot UPDATE, DELETE or TRUNCATE the log.
-- Role names are cluster-wide: the role is named after the database (<database>_audit_app) so
-- that several deployments or test databases on one server do not share it.
-- Creating roles needs CREATEROLE (the embedded PostgreSQL's superuser has it); without it the
-- migration only notes so and the service runs as its login user, still held by the trigger.
DO
$$
DECLARE
    app_role text := current_database() || '_audit_app';
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app_role) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN NOINHERIT', app_role);
    END IF;
    EXECUTE format('GRANT %I TO %I', app_role, current_user);
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), app_role);
    EXECUTE format('GRANT SELECT, INSERT ON audit_log TO %I', app_role);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM %I', app_role);
EXCEPTION
    WHEN insufficient_privilege THEN
        RAISE NOTICE 'audit: cannot create role %, the service will run as %', app_role, current_user;
END
$$;
