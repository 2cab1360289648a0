-- Search on the title and the place names only (see addresses.search_vector in db/schema.ts).
-- PostgreSQL 15 cannot change a generated column's expression: drop it (its GIN indexes go with
-- it) and add it again, then rebuild the two indexes.
ALTER TABLE "addresses" drop column "search_vector";--> statement-breakpoint
ALTER TABLE "addresses" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', public.f_unaccent(lower("title"))), 'A') || setweight(to_tsvector('simple', public.f_unaccent(lower("commune" || ' ' || "province" || ' ' || coalesce("former_province", '')))), 'B')) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "addresses_search_listed_idx" ON "addresses" USING gin ("search_vector") WHERE "addresses"."status" in ('published', 'funded');--> statement-breakpoint
CREATE INDEX "addresses_search_public_idx" ON "addresses" USING gin ("search_vector") WHERE "addresses"."status" in ('published', 'funded', 'completed', 'closed');
