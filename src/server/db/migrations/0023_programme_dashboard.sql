ALTER TABLE "programmes" ADD COLUMN "target_companies" integer DEFAULT 250 NOT NULL;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "enrolled_on" date;--> statement-breakpoint
CREATE INDEX "companies_enrolled_on_idx" ON "companies" USING btree ("programme_id","enrolled_on");