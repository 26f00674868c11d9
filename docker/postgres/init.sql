-- One database per service that keeps state; the services migrate their own schemas with Flyway.
CREATE DATABASE alerting;
CREATE DATABASE audit;
