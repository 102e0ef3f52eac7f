CREATE TABLE "suggestion_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"suggestion_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidate_suggestion_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "solicitation_windows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_year_id" uuid NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"notice" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestion_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"verdict" text NOT NULL,
	"reason" text NOT NULL,
	"unit_id" uuid,
	"answered_by" uuid,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestion_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_year_id" uuid NOT NULL,
	"label" text NOT NULL,
	"field" text,
	"unit_id" uuid,
	"status" text DEFAULT 'proposed' NOT NULL,
	"edited" boolean DEFAULT false NOT NULL,
	"auto_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "group_id" uuid;--> statement-breakpoint
ALTER TABLE "suggestion_photos" ADD CONSTRAINT "suggestion_photos_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_suggestion_groups" ADD CONSTRAINT "candidate_suggestion_groups_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_suggestion_groups" ADD CONSTRAINT "candidate_suggestion_groups_group_id_suggestion_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."suggestion_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solicitation_windows" ADD CONSTRAINT "solicitation_windows_plan_year_id_plan_years_id_fk" FOREIGN KEY ("plan_year_id") REFERENCES "public"."plan_years"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_answers" ADD CONSTRAINT "suggestion_answers_group_id_suggestion_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."suggestion_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_answers" ADD CONSTRAINT "suggestion_answers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_answers" ADD CONSTRAINT "suggestion_answers_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_groups" ADD CONSTRAINT "suggestion_groups_plan_year_id_plan_years_id_fk" FOREIGN KEY ("plan_year_id") REFERENCES "public"."plan_years"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_groups" ADD CONSTRAINT "suggestion_groups_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suggestion_photos_suggestion_idx" ON "suggestion_photos" USING btree ("suggestion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "candidate_suggestion_groups_uq" ON "candidate_suggestion_groups" USING btree ("candidate_id","group_id");--> statement-breakpoint
CREATE INDEX "candidate_suggestion_groups_group_idx" ON "candidate_suggestion_groups" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "solicitation_windows_plan_uq" ON "solicitation_windows" USING btree ("plan_year_id");--> statement-breakpoint
CREATE UNIQUE INDEX "suggestion_answers_group_version_uq" ON "suggestion_answers" USING btree ("group_id","version");--> statement-breakpoint
CREATE INDEX "suggestion_groups_plan_idx" ON "suggestion_groups" USING btree ("plan_year_id");--> statement-breakpoint
CREATE INDEX "suggestion_groups_unit_idx" ON "suggestion_groups" USING btree ("unit_id");--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_group_id_suggestion_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."suggestion_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suggestions_group_idx" ON "suggestions" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "suggestions_phone_idx" ON "suggestions" USING btree ("phone","created_at");--> statement-breakpoint
SELECT audit_attach('suggestion_photos', 'id', 'bytes');
--> statement-breakpoint
SELECT audit_attach('candidate_suggestion_groups', 'id');
--> statement-breakpoint
SELECT audit_attach('solicitation_windows', 'id');
--> statement-breakpoint
SELECT audit_attach('suggestion_answers', 'id');
--> statement-breakpoint
SELECT audit_attach('suggestion_groups', 'id');
--> statement-breakpoint
-- Answers are append-only: a new answer supersedes the last, and the earlier ones stay as they were.
CREATE OR REPLACE FUNCTION suggestion_answer_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'suggestion answers cannot be changed; add a new answer instead'
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER suggestion_answers_guard BEFORE UPDATE ON suggestion_answers
  FOR EACH ROW EXECUTE FUNCTION suggestion_answer_guard();
