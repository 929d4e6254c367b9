CREATE TABLE "company_status_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"changed_on" date NOT NULL,
	"changed_by" uuid,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handover_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "undertakings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contact_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"text_version" text NOT NULL,
	"given_on" timestamp with time zone NOT NULL,
	"withdrawn_on" timestamp with time zone,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"role" text,
	"gender" text DEFAULT 'not_stated' NOT NULL,
	"erased_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "companies" DROP CONSTRAINT "companies_organisation_number_unique";--> statement-breakpoint
DROP INDEX "companies_organisation_id_idx";--> statement-breakpoint
DROP INDEX "companies_name_idx";--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "coach_id" uuid;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "is_sole_trader" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "street_address" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "postal_code" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "city" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "municipality_code" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "sni_code" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "sni_division" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "sni_version" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "headcount" integer;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "turnover_sek" bigint;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "balance_sheet_sek" bigint;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "financial_year" integer;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "size_class" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "status" text DEFAULT 'prospect' NOT NULL;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "status_changed_on" date;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "withdrawn_reason" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "undertaking_id" uuid;--> statement-breakpoint
ALTER TABLE "company_status_changes" ADD CONSTRAINT "company_status_changes_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_requests" ADD CONSTRAINT "handover_requests_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_requests" ADD CONSTRAINT "handover_requests_from_organisation_id_organisations_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_requests" ADD CONSTRAINT "handover_requests_to_organisation_id_organisations_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "company_status_changes_company_id_idx" ON "company_status_changes" USING btree ("company_id","changed_on");--> statement-breakpoint
CREATE INDEX "handover_requests_company_id_idx" ON "handover_requests" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "handover_requests_to_organisation_id_idx" ON "handover_requests" USING btree ("to_organisation_id");--> statement-breakpoint
CREATE INDEX "handover_requests_status_idx" ON "handover_requests" USING btree ("status");--> statement-breakpoint
CREATE INDEX "consents_contact_id_idx" ON "consents" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "contacts_company_id_idx" ON "contacts" USING btree ("company_id");--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_undertaking_id_undertakings_id_fk" FOREIGN KEY ("undertaking_id") REFERENCES "public"."undertakings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "companies_programme_organisation_number_key" ON "companies" USING btree ("programme_id","organisation_number");--> statement-breakpoint
CREATE INDEX "companies_coach_id_idx" ON "companies" USING btree ("coach_id");--> statement-breakpoint
CREATE INDEX "companies_status_idx" ON "companies" USING btree ("status");--> statement-breakpoint
CREATE INDEX "companies_municipality_code_idx" ON "companies" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "companies_size_class_idx" ON "companies" USING btree ("size_class");--> statement-breakpoint
CREATE INDEX "companies_sni_division_idx" ON "companies" USING btree ("sni_division");--> statement-breakpoint
CREATE INDEX "companies_undertaking_id_idx" ON "companies" USING btree ("undertaking_id");--> statement-breakpoint
CREATE INDEX "companies_organisation_id_idx" ON "companies" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE INDEX "companies_name_idx" ON "companies" USING btree (lower("name"));