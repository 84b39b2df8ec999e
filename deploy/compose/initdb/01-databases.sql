-- One database per service (each service owns its schema and runs its own Flyway migrations).
-- Run once by the postgres image on an empty data volume; names match the local stack launcher's.
CREATE DATABASE tb_gateway;
CREATE DATABASE tb_connection;
CREATE DATABASE tb_ticket;
CREATE DATABASE tb_sync;
