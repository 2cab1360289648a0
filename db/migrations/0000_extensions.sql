-- Trigram search that ignores diacritics ("ngu dan rach gia" finds "ngư dân … Rạch Giá").
-- Both are trusted extensions: a database owner can create them without superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
-- IMMUTABLE wrapper so it can be used in expression indexes; fully qualified because
-- index builds run with a restricted search_path.
CREATE OR REPLACE FUNCTION public.f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
