CREATE TABLE "public_sign_ups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"activity_id" uuid NOT NULL,
	"token_digest" text NOT NULL,
	"name" text,
	"email" text,
	"company_name" text,
	"organisation_number" text,
	"gender" text DEFAULT 'not_stated' NOT NULL,
	"consent_text_version" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"registration_id" uuid
);
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "is_public" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "public_sign_ups" ADD CONSTRAINT "public_sign_ups_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_sign_ups" ADD CONSTRAINT "public_sign_ups_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "public_sign_ups_token_digest_key" ON "public_sign_ups" USING btree ("token_digest");--> statement-breakpoint
CREATE INDEX "public_sign_ups_activity_id_idx" ON "public_sign_ups" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "public_sign_ups_registration_id_idx" ON "public_sign_ups" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "public_sign_ups_expires_at_idx" ON "public_sign_ups" USING btree ("expires_at");