CREATE TABLE "company_size_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"financial_year" integer,
	"headcount" integer,
	"turnover_sek" bigint,
	"balance_sheet_sek" bigint,
	"size_class" text
);
--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "support_min_quarter_hours" integer DEFAULT 16 NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "support_counts_measurement" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "support_counts_analysis" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "settings_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "company_size_records" ADD CONSTRAINT "company_size_records_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "company_size_records_company_id_idx" ON "company_size_records" USING btree ("company_id","recorded_at");