ALTER TABLE "analysis_findings" ADD COLUMN "carrier" text;--> statement-breakpoint
ALTER TABLE "analysis_findings" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "analysis_findings" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "analysis_findings" ADD CONSTRAINT "analysis_findings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;