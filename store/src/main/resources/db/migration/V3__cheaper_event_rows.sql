-- Cheaper writes on the ingestion path.
--
-- An event's payload is kept as the JSON text Herald received and checked (type json, not jsonb): PostgreSQL still
-- checks that it is JSON and the -> and ->> operators work on it, but it is not converted to jsonb's binary form
-- on every insert, which cost about a fifth of an event row's insert time. Cast to jsonb to use jsonb's operators.
-- (This rewrites the events table once.)
ALTER TABLE events ALTER COLUMN payload TYPE json USING payload::json;

-- An engine checkpoint (tens of megabytes for a large shop) is stored without compression: compressing it took
-- PostgreSQL's CPU from ingestion while the checkpoint was written, for little space (two are kept).
ALTER TABLE checkpoints ALTER COLUMN state SET STORAGE EXTERNAL;
