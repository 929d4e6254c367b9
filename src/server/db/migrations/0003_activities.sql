CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text,
	"online_url" text,
	"capacity" integer,
	"cost_per_participant_sek" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_period_check" CHECK ("activities"."ends_at" > "activities"."starts_at"),
	CONSTRAINT "activities_capacity_check" CHECK ("activities"."capacity" is null or "activities"."capacity" >= 1),
	CONSTRAINT "activities_cost_check" CHECK ("activities"."cost_per_participant_sek" >= 0)
);
--> statement-breakpoint
CREATE TABLE "activity_areas" (
	"activity_id" uuid NOT NULL,
	"area" text NOT NULL,
	CONSTRAINT "activity_areas_activity_id_area_pk" PRIMARY KEY("activity_id","area")
);
--> statement-breakpoint
CREATE TABLE "activity_organisers" (
	"activity_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "activity_organisers_activity_id_organisation_id_pk" PRIMARY KEY("activity_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"activity_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"status" text NOT NULL,
	"sequence" integer NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"registered_by" uuid,
	"cancelled_at" timestamp with time zone,
	"attended" boolean,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_areas" ADD CONSTRAINT "activity_areas_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_organisers" ADD CONSTRAINT "activity_organisers_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_organisers" ADD CONSTRAINT "activity_organisers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_starts_at_idx" ON "activities" USING btree ("starts_at","id");--> statement-breakpoint
CREATE INDEX "activities_type_idx" ON "activities" USING btree ("type");--> statement-breakpoint
CREATE INDEX "activities_title_trgm_idx" ON "activities" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "activity_areas_area_idx" ON "activity_areas" USING btree ("area");--> statement-breakpoint
CREATE INDEX "activity_organisers_organisation_id_idx" ON "activity_organisers" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_live_contact_key" ON "registrations" USING btree ("activity_id","contact_id") WHERE "registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "registrations_activity_sequence_idx" ON "registrations" USING btree ("activity_id","sequence");--> statement-breakpoint
CREATE INDEX "registrations_contact_id_idx" ON "registrations" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "registrations_company_id_idx" ON "registrations" USING btree ("company_id");