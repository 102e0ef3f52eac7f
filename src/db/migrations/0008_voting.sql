CREATE TABLE "ballots" (
	"session_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"source" text NOT NULL,
	"token_tag" text,
	"paper_no" text,
	"receipt_hash" text,
	"choices" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "ballots_session_id_seq_pk" PRIMARY KEY("session_id","seq")
);
--> statement-breakpoint
CREATE TABLE "voting_checkins" (
	"session_id" uuid NOT NULL,
	"deputy_id" uuid NOT NULL,
	"form" text NOT NULL,
	"checked_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voting_checkins_session_id_deputy_id_pk" PRIMARY KEY("session_id","deputy_id")
);
--> statement-breakpoint
CREATE TABLE "voting_deputies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"delegation" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voting_paper_entries" (
	"session_id" uuid NOT NULL,
	"paper_no" text NOT NULL,
	"clerk_id" uuid NOT NULL,
	"clerk_name" text NOT NULL,
	"choices" jsonb NOT NULL,
	"source_row" integer,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voting_paper_entries_session_id_paper_no_clerk_id_pk" PRIMARY KEY("session_id","paper_no","clerk_id")
);
--> statement-breakpoint
CREATE TABLE "voting_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_year_id" uuid NOT NULL,
	"parent_id" uuid,
	"congress" text NOT NULL,
	"sitting" text NOT NULL,
	"title" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"seats" integer NOT NULL,
	"rule" jsonb NOT NULL,
	"candidate_ids" jsonb NOT NULL,
	"ballot_candidates" jsonb,
	"receipt_secret" text NOT NULL,
	"slips_issued" integer DEFAULT 0 NOT NULL,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "voting_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"kind" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_session_id_voting_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."voting_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voting_checkins" ADD CONSTRAINT "voting_checkins_session_id_voting_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."voting_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voting_checkins" ADD CONSTRAINT "voting_checkins_deputy_id_voting_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."voting_deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voting_deputies" ADD CONSTRAINT "voting_deputies_session_id_voting_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."voting_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voting_paper_entries" ADD CONSTRAINT "voting_paper_entries_session_id_voting_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."voting_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voting_paper_entries" ADD CONSTRAINT "voting_paper_entries_clerk_id_users_id_fk" FOREIGN KEY ("clerk_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voting_sessions" ADD CONSTRAINT "voting_sessions_plan_year_id_plan_years_id_fk" FOREIGN KEY ("plan_year_id") REFERENCES "public"."plan_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voting_tokens" ADD CONSTRAINT "voting_tokens_session_id_voting_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."voting_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ballots_token_tag_uq" ON "ballots" USING btree ("token_tag");--> statement-breakpoint
CREATE UNIQUE INDEX "ballots_session_paper_uq" ON "ballots" USING btree ("session_id","paper_no");--> statement-breakpoint
CREATE INDEX "ballots_receipt_idx" ON "ballots" USING btree ("receipt_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "voting_deputies_session_seq_uq" ON "voting_deputies" USING btree ("session_id","seq");--> statement-breakpoint
CREATE INDEX "voting_sessions_plan_idx" ON "voting_sessions" USING btree ("plan_year_id");--> statement-breakpoint
CREATE INDEX "voting_tokens_session_idx" ON "voting_tokens" USING btree ("session_id");--> statement-breakpoint
-- Ballots and issued tokens are kept apart from the audit log on purpose: an audit row carries the
-- acting user and the time, and a ballot must carry neither (it could be lined up with a check-in).
-- Ballots have their own hash chain (src/modules/voting/ballot.rules.ts); both tables, and the
-- check-ins, are append-only.
CREATE OR REPLACE FUNCTION voting_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER ballots_append_only BEFORE UPDATE OR DELETE ON ballots
  FOR EACH ROW EXECUTE FUNCTION voting_append_only();
--> statement-breakpoint
CREATE TRIGGER ballots_no_truncate BEFORE TRUNCATE ON ballots
  FOR EACH STATEMENT EXECUTE FUNCTION voting_append_only();
--> statement-breakpoint
CREATE TRIGGER voting_tokens_append_only BEFORE UPDATE OR DELETE ON voting_tokens
  FOR EACH ROW EXECUTE FUNCTION voting_append_only();
--> statement-breakpoint
CREATE TRIGGER voting_tokens_no_truncate BEFORE TRUNCATE ON voting_tokens
  FOR EACH STATEMENT EXECUTE FUNCTION voting_append_only();
--> statement-breakpoint
CREATE TRIGGER voting_checkins_append_only BEFORE UPDATE OR DELETE ON voting_checkins
  FOR EACH ROW EXECUTE FUNCTION voting_append_only();
--> statement-breakpoint
SELECT audit_attach('voting_sessions', 'id', 'receipt_secret');
--> statement-breakpoint
SELECT audit_attach('voting_deputies', 'id');
--> statement-breakpoint
SELECT audit_attach('voting_checkins', 'deputy_id');
--> statement-breakpoint
SELECT audit_attach('voting_paper_entries', 'paper_no');
