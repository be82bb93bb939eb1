-- Hand-written: a counter bumped by every write to the catalogue (units, agencies, aliases), so
-- that a process holding a catalogue in memory (the resolver's cache) knows when to reload it,
-- whichever process or path made the change.
CREATE TABLE IF NOT EXISTS catalog_revision (id int PRIMARY KEY CHECK (id = 1), revision bigint NOT NULL);
--> statement-breakpoint
INSERT INTO catalog_revision VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION chidao_bump_catalog_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE catalog_revision SET revision = revision + 1 WHERE id = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER units_catalog_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON units FOR EACH STATEMENT EXECUTE FUNCTION chidao_bump_catalog_revision();
--> statement-breakpoint
CREATE TRIGGER agencies_catalog_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agencies FOR EACH STATEMENT EXECUTE FUNCTION chidao_bump_catalog_revision();
--> statement-breakpoint
CREATE TRIGGER agency_aliases_catalog_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agency_aliases FOR EACH STATEMENT EXECUTE FUNCTION chidao_bump_catalog_revision();
