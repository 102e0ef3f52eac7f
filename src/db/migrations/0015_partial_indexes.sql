-- Every index is paid for by each row inserted, and a public drain inserts suggestions by the
-- thousand, a vote ballots by the hundred. suggestions_plan_idx duplicated the leading column of
-- suggestions_plan_ref_uq. New suggestions have no group and many have no phone; electronic ballots have
-- no paper number: those rows stay out of the indexes that only look them up by those columns.
DROP INDEX "suggestions_plan_idx";--> statement-breakpoint
DROP INDEX "suggestions_group_idx";--> statement-breakpoint
DROP INDEX "suggestions_phone_idx";--> statement-breakpoint
DROP INDEX "ballots_session_paper_uq";--> statement-breakpoint
CREATE INDEX "suggestions_group_idx" ON "suggestions" USING btree ("group_id") WHERE "suggestions"."group_id" is not null;--> statement-breakpoint
CREATE INDEX "suggestions_phone_idx" ON "suggestions" USING btree ("phone","created_at") WHERE "suggestions"."phone" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "ballots_session_paper_uq" ON "ballots" USING btree ("session_id","paper_no") WHERE "ballots"."paper_no" is not null;