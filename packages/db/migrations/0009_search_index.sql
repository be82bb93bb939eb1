-- The search index as its own narrow table (schema/registry.ts documentSearch), kept by a
-- trigger on documents; its word vector holds every word without positions plus every pair of
-- adjacent words, so phrases are answered by the index (documents/word-pairs.ts).
CREATE TABLE "document_search" (
	"document_id" uuid PRIMARY KEY NOT NULL,
	"issuer_key" text,
	"unit_id" integer,
	"type_code" text,
	"date" date,
	"search" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_search" ADD CONSTRAINT "document_search_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE OR REPLACE FUNCTION chidao_word_pairs(v tsvector) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT array_to_tsvector(coalesce(array(
    SELECT DISTINCT a.lexeme || ' ' || b.lexeme
    FROM (SELECT lexeme, unnest(positions) AS pos FROM unnest(v)) a
    JOIN (SELECT lexeme, unnest(positions) AS pos FROM unnest(v)) b ON b.pos = a.pos + 1
  ), '{}'::text[])) $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION chidao_search_vector(subject text, code text, issuer text, body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT strip(v) || public.chidao_word_pairs(v) FROM (SELECT
    to_tsvector('simple'::regconfig, public.chidao_fold(coalesce(subject, '') || ' ' || coalesce(code, '')))
    || to_tsvector('simple'::regconfig, public.chidao_fold(coalesce(issuer, '')))
    || to_tsvector('simple'::regconfig, public.chidao_fold(left(coalesce(body, ''), 200000))) AS v) words $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION chidao_index_document() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN
    IF NEW.status = 'stored' THEN
      INSERT INTO document_search (document_id, issuer_key, unit_id, type_code, date, search)
      VALUES (NEW.id, NEW.issuer_key, NEW.unit_id, NEW.type_code, NEW.date, chidao_search_vector(NEW.subject, NEW.code, NEW.issuer, NEW.text))
      ON CONFLICT (document_id) DO UPDATE SET issuer_key = excluded.issuer_key, unit_id = excluded.unit_id,
        type_code = excluded.type_code, date = excluded.date, search = excluded.search;
    ELSE
      DELETE FROM document_search WHERE document_id = NEW.id;
    END IF;
    RETURN NULL;
  END $$;--> statement-breakpoint
INSERT INTO document_search (document_id, issuer_key, unit_id, type_code, date, search)
  SELECT id, issuer_key, unit_id, type_code, date, chidao_search_vector(subject, code, issuer, text) FROM documents WHERE status = 'stored';--> statement-breakpoint
CREATE TRIGGER documents_search_index AFTER INSERT OR UPDATE OF status, issuer_key, unit_id, type_code, date, subject, code, issuer, text
  ON documents FOR EACH ROW EXECUTE FUNCTION chidao_index_document();--> statement-breakpoint
CREATE INDEX "document_search_words" ON "document_search" USING gin ("search");--> statement-breakpoint
CREATE INDEX "document_search_date" ON "document_search" USING btree ("date" DESC NULLS LAST,"document_id");--> statement-breakpoint
CREATE INDEX "document_search_type_date" ON "document_search" USING btree ("type_code","date" DESC NULLS LAST,"document_id");--> statement-breakpoint
DROP INDEX "documents_search";--> statement-breakpoint
ALTER TABLE "documents" DROP COLUMN "search";
--> statement-breakpoint
ANALYZE "document_search";
