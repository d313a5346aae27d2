-- Run once by the postgres image on an empty data volume: ingest, cost and worker-cloud (its credential store) each own
-- a database (see deploy/README.md) and migrate their own schema with Flyway at startup.
CREATE DATABASE ingest;
CREATE DATABASE cost;
CREATE DATABASE credentials;
