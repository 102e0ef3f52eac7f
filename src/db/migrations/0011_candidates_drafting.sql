CREATE TABLE "candidate_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_year_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"meeting" text NOT NULL,
	"held_on" date NOT NULL,
	"decision" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"list_size" integer NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidate_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"criterion" text NOT NULL,
	"score" numeric(4, 1) NOT NULL,
	"scored_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidate_screening" (
	"plan_year_id" uuid PRIMARY KEY NOT NULL,
	"criteria" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "lead_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "shortlisted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "candidate_reviews" ADD CONSTRAINT "candidate_reviews_plan_year_id_plan_years_id_fk" FOREIGN KEY ("plan_year_id") REFERENCES "public"."plan_years"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_reviews" ADD CONSTRAINT "candidate_reviews_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_scores" ADD CONSTRAINT "candidate_scores_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_scores" ADD CONSTRAINT "candidate_scores_scored_by_users_id_fk" FOREIGN KEY ("scored_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_screening" ADD CONSTRAINT "candidate_screening_plan_year_id_plan_years_id_fk" FOREIGN KEY ("plan_year_id") REFERENCES "public"."plan_years"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "candidate_reviews_plan_position_uq" ON "candidate_reviews" USING btree ("plan_year_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "candidate_scores_uq" ON "candidate_scores" USING btree ("candidate_id","criterion");--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "candidates_lead_unit_idx" ON "candidates" USING btree ("lead_unit_id");--> statement-breakpoint
UPDATE "candidates" SET "shortlisted" = true;
--> statement-breakpoint
SELECT audit_attach('candidate_screening', 'plan_year_id');
--> statement-breakpoint
SELECT audit_attach('candidate_scores', 'id');
--> statement-breakpoint
SELECT audit_attach('candidate_reviews', 'id');
--> statement-breakpoint
-- Meeting records are history: a list sent back is studied again in a new record.
CREATE OR REPLACE FUNCTION candidate_review_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'candidate review records cannot be changed; add a new record instead'
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER candidate_reviews_guard BEFORE UPDATE ON candidate_reviews
  FOR EACH ROW EXECUTE FUNCTION candidate_review_guard();
