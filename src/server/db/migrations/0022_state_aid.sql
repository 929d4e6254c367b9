CREATE TABLE "eur_rates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"month" text NOT NULL,
	"sek_per_eur_e4" integer NOT NULL,
	"source" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "eur_rates_rate_check" CHECK ("eur_rates"."sek_per_eur_e4" > 0)
);
--> statement-breakpoint
CREATE TABLE "hourly_rates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"rate_sek" integer NOT NULL,
	"decided_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "hourly_rates_rate_check" CHECK ("hourly_rates"."rate_sek" > 0)
);
--> statement-breakpoint
CREATE TABLE "state_aid_declarations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"has_earlier_aid" boolean NOT NULL,
	"signed_on" date NOT NULL,
	"signer_name" text NOT NULL,
	"entered_by" uuid,
	"entered_by_role" text NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "state_aid_declared_aids" (
	"id" uuid PRIMARY KEY NOT NULL,
	"declaration_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"granting_body" text NOT NULL,
	"amount_ore" bigint NOT NULL,
	"decided_on" date NOT NULL,
	"paid_amount_ore" bigint,
	"paid_on" date,
	CONSTRAINT "state_aid_declared_aids_amount_check" CHECK ("state_aid_declared_aids"."amount_ore" > 0)
);
--> statement-breakpoint
CREATE TABLE "state_aid_grants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"legal_basis" text NOT NULL,
	"granted_on" date NOT NULL,
	"planned_quarter_hours" integer NOT NULL,
	"hourly_rate_sek" integer,
	"planned_activities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"value_ore" bigint NOT NULL,
	"rate_month" text NOT NULL,
	"sek_per_eur_e4" integer NOT NULL,
	"value_cents" bigint NOT NULL,
	"declaration_id" uuid,
	"window_total_cents" bigint NOT NULL,
	"replaces_grant_id" uuid,
	"replacement_reason" text,
	"replaced_by_grant_id" uuid,
	"replaced_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "state_aid_grants_value_check" CHECK ("state_aid_grants"."value_ore" >= 0 and "state_aid_grants"."value_cents" >= 0),
	CONSTRAINT "state_aid_grants_hours_check" CHECK ("state_aid_grants"."planned_quarter_hours" >= 0)
);
--> statement-breakpoint
CREATE TABLE "state_aid_settings" (
	"programme_id" uuid PRIMARY KEY NOT NULL,
	"legal_basis" text DEFAULT 'de_minimis' NOT NULL,
	"declaration_valid_months" integer DEFAULT 12 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hourly_rates" ADD CONSTRAINT "hourly_rates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "state_aid_declarations" ADD CONSTRAINT "state_aid_declarations_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "state_aid_declared_aids" ADD CONSTRAINT "state_aid_declared_aids_declaration_id_state_aid_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."state_aid_declarations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "state_aid_declared_aids" ADD CONSTRAINT "state_aid_declared_aids_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "state_aid_grants" ADD CONSTRAINT "state_aid_grants_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "state_aid_grants" ADD CONSTRAINT "state_aid_grants_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "state_aid_grants" ADD CONSTRAINT "state_aid_grants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "state_aid_grants" ADD CONSTRAINT "state_aid_grants_declaration_id_state_aid_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."state_aid_declarations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "state_aid_settings" ADD CONSTRAINT "state_aid_settings_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "eur_rates_month_key" ON "eur_rates" USING btree ("month");--> statement-breakpoint
CREATE UNIQUE INDEX "hourly_rates_organisation_year_key" ON "hourly_rates" USING btree ("organisation_id","year");--> statement-breakpoint
CREATE INDEX "state_aid_declarations_company_id_idx" ON "state_aid_declarations" USING btree ("company_id","signed_on");--> statement-breakpoint
CREATE INDEX "state_aid_declared_aids_declaration_id_idx" ON "state_aid_declared_aids" USING btree ("declaration_id","position");--> statement-breakpoint
CREATE INDEX "state_aid_declared_aids_company_id_idx" ON "state_aid_declared_aids" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "state_aid_grants_company_id_idx" ON "state_aid_grants" USING btree ("company_id","granted_on");--> statement-breakpoint
CREATE INDEX "state_aid_grants_granted_on_idx" ON "state_aid_grants" USING btree ("granted_on");--> statement-breakpoint
CREATE INDEX "state_aid_grants_organisation_id_idx" ON "state_aid_grants" USING btree ("organisation_id","granted_on");--> statement-breakpoint
CREATE UNIQUE INDEX "state_aid_grants_replaces_key" ON "state_aid_grants" USING btree ("replaces_grant_id");