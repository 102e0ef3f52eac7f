CREATE TABLE "allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"region_code" text NOT NULL,
	"target" numeric
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"ref" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"unit" text,
	"kind" text NOT NULL,
	"target" numeric
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"due" date NOT NULL,
	"text" text,
	"planned" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"investment" numeric(18, 2)
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"as_of" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"status" text NOT NULL,
	"investment" numeric(18, 2),
	"funds_arrived" numeric(18, 2),
	"progress_text" text,
	"problems_text" text,
	"next_text" text,
	"unit_id" uuid,
	"author_id" uuid,
	"submitted_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"return_reason" text,
	"correction_reason" text,
	"supersedes" uuid,
	"source" text DEFAULT 'form' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_units" (
	"project_id" uuid NOT NULL,
	"role" text NOT NULL,
	"position" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "project_units_project_id_role_position_pk" PRIMARY KEY("project_id","role","position")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_year_id" uuid NOT NULL,
	"ref" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"field" text,
	"task" text,
	"plan_text" text,
	"leaders" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"budget" numeric(18, 2),
	"source" text DEFAULT 'manual' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_values" (
	"report_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"value" numeric NOT NULL,
	"eligible" numeric,
	CONSTRAINT "report_values_report_id_indicator_id_pk" PRIMARY KEY("report_id","indicator_id")
);
--> statement-breakpoint
ALTER TABLE "plan_years" ADD COLUMN "region_label" text;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_units" ADD CONSTRAINT "project_units_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_units" ADD CONSTRAINT "project_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_plan_year_id_plan_years_id_fk" FOREIGN KEY ("plan_year_id") REFERENCES "public"."plan_years"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_values" ADD CONSTRAINT "report_values_report_id_progress_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."progress_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_values" ADD CONSTRAINT "report_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "allocations_indicator_region_uq" ON "allocations" USING btree ("indicator_id","region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_project_ref_uq" ON "indicators" USING btree ("project_id","ref");--> statement-breakpoint
CREATE INDEX "milestones_project_idx" ON "milestones" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "progress_reports_project_idx" ON "progress_reports" USING btree ("project_id","region_code","as_of");--> statement-breakpoint
CREATE INDEX "progress_reports_status_idx" ON "progress_reports" USING btree ("status");--> statement-breakpoint
CREATE INDEX "project_units_unit_idx" ON "project_units" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_plan_ref_uq" ON "projects" USING btree ("plan_year_id","ref");--> statement-breakpoint
CREATE INDEX "report_values_indicator_idx" ON "report_values" USING btree ("indicator_id");