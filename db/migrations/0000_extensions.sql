-- Trigram search needs pg_trgm before the schema's indexes are created.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
