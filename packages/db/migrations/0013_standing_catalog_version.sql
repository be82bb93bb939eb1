-- Hand-written: which version of the built-in standing agencies (the roles in @chidao/core) the
-- catalogue was seeded from. A newer product with more roles sees a different version on start
-- and adds the agencies it lacks (the import only inserts what is missing).
ALTER TABLE catalog_revision ADD COLUMN IF NOT EXISTS standing_version text;
