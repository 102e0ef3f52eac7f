ALTER TABLE "plan_years" ADD COLUMN "reporting_day" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_years" ADD COLUMN "light_rule" jsonb;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "explanations" jsonb DEFAULT '{}'::jsonb NOT NULL;