CREATE TABLE "frozen_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"reason" text,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"organisation_id" uuid,
	"co_financer" text,
	"report_json" text NOT NULL,
	"json_sha256" text NOT NULL,
	"xlsx" "bytea" NOT NULL,
	"xlsx_sha256" text NOT NULL,
	"frozen_by" uuid,
	"frozen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "frozen_reports" ADD CONSTRAINT "frozen_reports_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "frozen_reports" ADD CONSTRAINT "frozen_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "frozen_reports" ADD CONSTRAINT "frozen_reports_frozen_by_users_id_fk" FOREIGN KEY ("frozen_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "frozen_reports_series_version_key" ON "frozen_reports" USING btree ("series_id","version");--> statement-breakpoint
CREATE INDEX "frozen_reports_organisation_id_idx" ON "frozen_reports" USING btree ("organisation_id","frozen_at");--> statement-breakpoint
CREATE INDEX "frozen_reports_frozen_at_idx" ON "frozen_reports" USING btree ("frozen_at");