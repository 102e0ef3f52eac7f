CREATE TABLE "candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_year_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"field" text,
	"annual_task" text DEFAULT '' NOT NULL,
	"plan_text" text DEFAULT '' NOT NULL,
	"units" jsonb NOT NULL,
	"county_leaders" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"responsible_leaders" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"supervising_leaders" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"budget" numeric(18, 2),
	"remarks" text DEFAULT '' NOT NULL,
	"milestones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"indicators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"needs_review" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'listed' NOT NULL,
	"source_row" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_year_id" uuid NOT NULL,
	"external_ref" text,
	"channel" text NOT NULL,
	"text" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"region_code" text,
	"resident_name" text,
	"phone" text,
	"field" text,
	"unit_id" uuid,
	"tracking_code" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_plan_year_id_plan_years_id_fk" FOREIGN KEY ("plan_year_id") REFERENCES "public"."plan_years"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_plan_year_id_plan_years_id_fk" FOREIGN KEY ("plan_year_id") REFERENCES "public"."plan_years"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "candidates_plan_seq_uq" ON "candidates" USING btree ("plan_year_id","seq");--> statement-breakpoint
CREATE INDEX "candidates_plan_idx" ON "candidates" USING btree ("plan_year_id");--> statement-breakpoint
CREATE UNIQUE INDEX "suggestions_plan_ref_uq" ON "suggestions" USING btree ("plan_year_id","external_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "suggestions_tracking_uq" ON "suggestions" USING btree ("tracking_code");--> statement-breakpoint
CREATE INDEX "suggestions_plan_idx" ON "suggestions" USING btree ("plan_year_id");--> statement-breakpoint
SELECT audit_attach('candidates', 'id');
--> statement-breakpoint
SELECT audit_attach('suggestions', 'id', 'phone');
