ALTER TABLE "actions" ADD COLUMN "carrier" text;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "emission_factor_kg_per_kwh" double precision;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_carrier_factor_check" CHECK (("actions"."carrier" is null) = ("actions"."emission_factor_kg_per_kwh" is null));--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_emission_factor_check" CHECK ("actions"."emission_factor_kg_per_kwh" >= 0);