CREATE TABLE "survey_windows" (
	"plan_year_id" uuid PRIMARY KEY NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_windows" ADD CONSTRAINT "survey_windows_plan_year_id_plan_years_id_fk" FOREIGN KEY ("plan_year_id") REFERENCES "public"."plan_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Hand-written: the survey window is staff's record, so its changes go on the audit chain.
SELECT audit_attach('survey_windows', 'plan_year_id');
