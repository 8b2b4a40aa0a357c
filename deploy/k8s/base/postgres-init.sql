-- Runs once, as the superuser, when PostgreSQL starts on an empty data directory (/docker-entrypoint-initdb.d).
-- It does not run again: to change a password later, use ALTER ROLE ... PASSWORD and update the Secret.
--
-- There is one database per service, owned by a role of the same name. No service reads another's database.
--   LOGIN REPLICATION  Debezium's embedded engine streams changes through a logical replication slot.
--   OWNER              Debezium creates its publication on the tables it captures, which needs their owner.
-- Passwords come from the Secret postgres-credentials, through environment variables read with psql's \getenv.
-- If a variable is missing, the :'...' below is not substituted, the SQL fails, and initialisation stops.
\set ON_ERROR_STOP on

\getenv orders_password ORDERS_PASSWORD
\getenv dialog_password DIALOG_PASSWORD
\getenv returns_password RETURNS_PASSWORD
\getenv logistics_password LOGISTICS_PASSWORD
\getenv routing_password ROUTING_PASSWORD

CREATE ROLE orders LOGIN REPLICATION PASSWORD :'orders_password';
CREATE DATABASE orders OWNER orders;
REVOKE ALL ON DATABASE orders FROM PUBLIC;

CREATE ROLE dialog LOGIN REPLICATION PASSWORD :'dialog_password';
CREATE DATABASE dialog OWNER dialog;
REVOKE ALL ON DATABASE dialog FROM PUBLIC;

CREATE ROLE returns LOGIN REPLICATION PASSWORD :'returns_password';
CREATE DATABASE returns OWNER returns;
REVOKE ALL ON DATABASE returns FROM PUBLIC;

CREATE ROLE logistics LOGIN REPLICATION PASSWORD :'logistics_password';
CREATE DATABASE logistics OWNER logistics;
REVOKE ALL ON DATABASE logistics FROM PUBLIC;

CREATE ROLE routing LOGIN REPLICATION PASSWORD :'routing_password';
CREATE DATABASE routing OWNER routing;
REVOKE ALL ON DATABASE routing FROM PUBLIC;
