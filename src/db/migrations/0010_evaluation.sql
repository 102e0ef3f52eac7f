CREATE TABLE "evaluation_ballots" (
	"session_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"token_tag" text NOT NULL,
	"receipt_hash" text NOT NULL,
	"choices" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "evaluation_ballots_session_id_seq_pk" PRIMARY KEY("session_id","seq")
);
--> statement-breakpoint
CREATE TABLE "evaluation_checkins" (
	"session_id" uuid NOT NULL,
	"deputy_id" uuid NOT NULL,
	"checked_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_checkins_session_id_deputy_id_pk" PRIMARY KEY("session_id","deputy_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_deputies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"delegation" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_year_id" uuid NOT NULL,
	"title" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"rule" jsonb NOT NULL,
	"project_ids" jsonb NOT NULL,
	"rated_projects" jsonb,
	"receipt_secret" text NOT NULL,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "evaluation_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_year_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"rating" text NOT NULL,
	"comment" text,
	"via" text NOT NULL,
	"respondent_hash" text NOT NULL,
	"phone_masked" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"plan_year_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_keys" (
	"plan_year_id" uuid PRIMARY KEY NOT NULL,
	"secret" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_ballots" ADD CONSTRAINT "evaluation_ballots_session_id_evaluation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."evaluation_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_checkins" ADD CONSTRAINT "evaluation_checkins_session_id_evaluation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."evaluation_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_checkins" ADD CONSTRAINT "evaluation_checkins_deputy_id_evaluation_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."evaluation_deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_deputies" ADD CONSTRAINT "evaluation_deputies_session_id_evaluation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."evaluation_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_sessions" ADD CONSTRAINT "evaluation_sessions_plan_year_id_plan_years_id_fk" FOREIGN KEY ("plan_year_id") REFERENCES "public"."plan_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_tokens" ADD CONSTRAINT "evaluation_tokens_session_id_evaluation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."evaluation_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_plan_year_id_plan_years_id_fk" FOREIGN KEY ("plan_year_id") REFERENCES "public"."plan_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_codes" ADD CONSTRAINT "survey_codes_plan_year_id_plan_years_id_fk" FOREIGN KEY ("plan_year_id") REFERENCES "public"."plan_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_keys" ADD CONSTRAINT "survey_keys_plan_year_id_plan_years_id_fk" FOREIGN KEY ("plan_year_id") REFERENCES "public"."plan_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_ballots_token_tag_uq" ON "evaluation_ballots" USING btree ("token_tag");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_deputies_session_seq_uq" ON "evaluation_deputies" USING btree ("session_id","seq");--> statement-breakpoint
CREATE INDEX "evaluation_sessions_plan_idx" ON "evaluation_sessions" USING btree ("plan_year_id");--> statement-breakpoint
CREATE INDEX "evaluation_tokens_session_idx" ON "evaluation_tokens" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_answers_project_respondent_uq" ON "survey_answers" USING btree ("project_id","respondent_hash");--> statement-breakpoint
CREATE INDEX "survey_answers_plan_idx" ON "survey_answers" USING btree ("plan_year_id");--> statement-breakpoint
CREATE INDEX "survey_codes_plan_idx" ON "survey_codes" USING btree ("plan_year_id");--> statement-breakpoint
-- As for the vote (0008): evaluation ballots and issued tokens stay out of the audit log, whose rows
-- carry the acting user and the time and could be lined up with a check-in. Ballots have their own
-- hash chain (the vote's, voting/ballot.rules.ts); ballots, tokens and check-ins are append-only.
CREATE TRIGGER evaluation_ballots_append_only BEFORE UPDATE OR DELETE ON evaluation_ballots
  FOR EACH ROW EXECUTE FUNCTION voting_append_only();
--> statement-breakpoint
CREATE TRIGGER evaluation_ballots_no_truncate BEFORE TRUNCATE ON evaluation_ballots
  FOR EACH STATEMENT EXECUTE FUNCTION voting_append_only();
--> statement-breakpoint
CREATE TRIGGER evaluation_tokens_append_only BEFORE UPDATE OR DELETE ON evaluation_tokens
  FOR EACH ROW EXECUTE FUNCTION voting_append_only();
--> statement-breakpoint
CREATE TRIGGER evaluation_tokens_no_truncate BEFORE TRUNCATE ON evaluation_tokens
  FOR EACH STATEMENT EXECUTE FUNCTION voting_append_only();
--> statement-breakpoint
CREATE TRIGGER evaluation_checkins_append_only BEFORE UPDATE OR DELETE ON evaluation_checkins
  FOR EACH ROW EXECUTE FUNCTION voting_append_only();
--> statement-breakpoint
-- Survey answers are history too: a resident's rating is never edited or removed.
CREATE TRIGGER survey_answers_append_only BEFORE UPDATE OR DELETE ON survey_answers
  FOR EACH ROW EXECUTE FUNCTION voting_append_only();
--> statement-breakpoint
SELECT audit_attach('evaluation_sessions', 'id', 'receipt_secret');
--> statement-breakpoint
SELECT audit_attach('evaluation_deputies', 'id');
--> statement-breakpoint
SELECT audit_attach('evaluation_checkins', 'deputy_id');
--> statement-breakpoint
SELECT audit_attach('survey_codes', 'code_hash');
--> statement-breakpoint
SELECT audit_attach('survey_answers', 'id');
--> statement-breakpoint
SELECT audit_attach('survey_keys', 'plan_year_id', 'secret');
