CREATE TABLE "action_effect_rollups" (
	"organisation_id" uuid NOT NULL,
	"area" text NOT NULL,
	"action_rows" integer DEFAULT 0 NOT NULL,
	"actions" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"done_without_realised" integer DEFAULT 0 NOT NULL,
	"done_unconfirmed" integer DEFAULT 0 NOT NULL,
	"with_investment" integer DEFAULT 0 NOT NULL,
	"confirmed_with_investment" integer DEFAULT 0 NOT NULL,
	"investment_sek" numeric DEFAULT '0' NOT NULL,
	"done_investment_sek" numeric DEFAULT '0' NOT NULL,
	"confirmed_investment_sek" numeric DEFAULT '0' NOT NULL,
	"expected_kwh" numeric DEFAULT '0' NOT NULL,
	"expected_co2e_kg" numeric DEFAULT '0' NOT NULL,
	"expected_sek" numeric DEFAULT '0' NOT NULL,
	"expected_material_tonnes" numeric DEFAULT '0' NOT NULL,
	"realised_kwh" numeric DEFAULT '0' NOT NULL,
	"realised_co2e_kg" numeric DEFAULT '0' NOT NULL,
	"realised_sek" numeric DEFAULT '0' NOT NULL,
	"realised_material_tonnes" numeric DEFAULT '0' NOT NULL,
	"unconfirmed_kwh" numeric DEFAULT '0' NOT NULL,
	"unconfirmed_co2e_kg" numeric DEFAULT '0' NOT NULL,
	"unconfirmed_sek" numeric DEFAULT '0' NOT NULL,
	"unconfirmed_material_tonnes" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "action_effect_rollups_organisation_id_area_pk" PRIMARY KEY("organisation_id","area")
);
--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "realised_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "realised_confirmed_by" uuid;--> statement-breakpoint
ALTER TABLE "action_effect_rollups" ADD CONSTRAINT "action_effect_rollups_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_realised_confirmed_by_users_id_fk" FOREIGN KEY ("realised_confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;