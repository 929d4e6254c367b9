CREATE TABLE "action_suggestion_dismissals" (
	"company_id" uuid NOT NULL,
	"catalogue_key" text NOT NULL,
	"reason" text,
	"dismissed_by" uuid,
	"dismissed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "action_suggestion_dismissals_company_id_catalogue_key_pk" PRIMARY KEY("company_id","catalogue_key")
);
--> statement-breakpoint
CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"area" text NOT NULL,
	"target_step" smallint,
	"dimension_key" text,
	"catalogue_key" text,
	"title" text NOT NULL,
	"description" text,
	"owner_contact_id" uuid,
	"owner_user_id" uuid,
	"due_on" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"done_on" date,
	"investment_sek" double precision,
	"expected_kwh" double precision,
	"expected_co2e_kg" double precision,
	"expected_sek" double precision,
	"expected_material_tonnes" double precision,
	"realised_kwh" double precision,
	"realised_co2e_kg" double precision,
	"realised_sek" double precision,
	"realised_material_tonnes" double precision,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "actions_target_step_check" CHECK ("actions"."target_step" between 1 and 5),
	CONSTRAINT "actions_investment_check" CHECK ("actions"."investment_sek" >= 0),
	CONSTRAINT "actions_one_owner_check" CHECK ("actions"."owner_contact_id" is null or "actions"."owner_user_id" is null)
);
--> statement-breakpoint
CREATE TABLE "analyses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"year" smallint,
	"performed_on" date,
	"summary" text,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"factor_set_key" text,
	"factors" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "analyses_factor_set_check" CHECK ("analyses"."kind" <> 'energy_mapping' or "analyses"."factor_set_key" is not null)
);
--> statement-breakpoint
CREATE TABLE "analysis_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"analysis_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analysis_findings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"analysis_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"area" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"energy_category" text,
	"investment_sek" double precision,
	"expected_kwh" double precision,
	"expected_co2e_kg" double precision,
	"expected_sek" double precision,
	"expected_material_tonnes" double precision,
	"action_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "analysis_findings_investment_check" CHECK ("analysis_findings"."investment_sek" >= 0)
);
--> statement-breakpoint
CREATE TABLE "emission_factor_sets" (
	"key" text PRIMARY KEY NOT NULL,
	"content" jsonb NOT NULL,
	"valid_from" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_suggestion_dismissals" ADD CONSTRAINT "action_suggestion_dismissals_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_suggestion_dismissals" ADD CONSTRAINT "action_suggestion_dismissals_dismissed_by_users_id_fk" FOREIGN KEY ("dismissed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_owner_contact_id_contacts_id_fk" FOREIGN KEY ("owner_contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_attachments" ADD CONSTRAINT "analysis_attachments_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_attachments" ADD CONSTRAINT "analysis_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_findings" ADD CONSTRAINT "analysis_findings_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_findings" ADD CONSTRAINT "analysis_findings_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emission_factor_sets" ADD CONSTRAINT "emission_factor_sets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actions_company_id_idx" ON "actions" USING btree ("company_id","area","due_on");--> statement-breakpoint
CREATE INDEX "actions_owner_user_id_idx" ON "actions" USING btree ("owner_user_id","status","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "actions_company_catalogue_key" ON "actions" USING btree ("company_id","catalogue_key");--> statement-breakpoint
CREATE INDEX "analyses_company_id_idx" ON "analyses" USING btree ("company_id","kind","year");--> statement-breakpoint
CREATE INDEX "analysis_attachments_analysis_id_idx" ON "analysis_attachments" USING btree ("analysis_id");--> statement-breakpoint
CREATE INDEX "analysis_findings_analysis_id_idx" ON "analysis_findings" USING btree ("analysis_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "analysis_findings_action_id_key" ON "analysis_findings" USING btree ("action_id");