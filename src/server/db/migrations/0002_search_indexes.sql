-- Substring search on names and organisation numbers at 100x programme size (issue 3) needs
-- trigram indexes; pg_trgm ships with PostgreSQL and with PGlite (loaded in db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "companies_name_trgm_idx" ON "companies" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "companies_organisation_number_digits_trgm_idx" ON "companies" USING gin ((replace("organisation_number", '-', '')) gin_trgm_ops);--> statement-breakpoint
-- The default order (name, then id as tie-breaker) straight from an index, per organisation too.
CREATE INDEX IF NOT EXISTS "companies_name_order_idx" ON "companies" (lower("name"), "id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "companies_organisation_name_order_idx" ON "companies" ("organisation_id", lower("name"), "id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "companies_updated_at_idx" ON "companies" ("updated_at", "id");
