CREATE TABLE "assessment_answers" (
	"assessment_id" uuid NOT NULL,
	"question_key" text NOT NULL,
	"level" smallint,
	"is_not_applicable" boolean DEFAULT false NOT NULL,
	"comment" text,
	"answered_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_answers_assessment_id_question_key_pk" PRIMARY KEY("assessment_id","question_key")
);
--> statement-breakpoint
CREATE TABLE "assessment_dimension_scores" (
	"assessment_id" uuid NOT NULL,
	"dimension_key" text NOT NULL,
	"score" double precision NOT NULL,
	CONSTRAINT "assessment_dimension_scores_assessment_id_dimension_key_pk" PRIMARY KEY("assessment_id","dimension_key")
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"area" text NOT NULL,
	"kind" text NOT NULL,
	"mode" text NOT NULL,
	"model_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"confirms_assessment_id" uuid,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"next_due_on" date,
	"score" double precision,
	"step" smallint,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maturity_models" (
	"id" uuid PRIMARY KEY NOT NULL,
	"area" text NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_answers" ADD CONSTRAINT "assessment_answers_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_dimension_scores" ADD CONSTRAINT "assessment_dimension_scores_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_model_id_maturity_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."maturity_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessments_company_id_idx" ON "assessments" USING btree ("company_id","area","submitted_at");--> statement-breakpoint
CREATE INDEX "assessments_peer_idx" ON "assessments" USING btree ("area","company_id","submitted_at") WHERE "assessments"."status" = 'submitted' and "assessments"."mode" = 'coach';--> statement-breakpoint
CREATE INDEX "assessments_model_id_idx" ON "assessments" USING btree ("model_id");--> statement-breakpoint
CREATE INDEX "assessments_confirms_assessment_id_idx" ON "assessments" USING btree ("confirms_assessment_id");--> statement-breakpoint
CREATE INDEX "assessments_next_due_on_idx" ON "assessments" USING btree ("next_due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "maturity_models_area_version_key" ON "maturity_models" USING btree ("area","version");