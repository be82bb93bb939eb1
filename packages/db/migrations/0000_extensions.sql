-- Hand-written: the extensions and the folding function the generated search column and the
-- name indexes use. unaccent() is only STABLE (it reads a dictionary), so it is wrapped with the
-- dictionary named, which may be declared IMMUTABLE and indexed.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION chidao_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;
