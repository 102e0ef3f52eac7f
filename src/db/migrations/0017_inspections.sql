CREATE TABLE "project_inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"deputy_id" uuid,
	"deputy_name" text NOT NULL,
	"visited_on" date NOT NULL,
	"text" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD COLUMN "inspection_id" uuid;--> statement-breakpoint
ALTER TABLE "project_inspections" ADD CONSTRAINT "project_inspections_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_inspections" ADD CONSTRAINT "project_inspections_deputy_id_users_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_inspections_project_idx" ON "project_inspections" USING btree ("project_id");--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD CONSTRAINT "supervision_orders_inspection_id_project_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."project_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Hand-written: a deputy's inspection opinion is the deputy's record; on the audit chain, never changed.
SELECT audit_attach('project_inspections', 'id');
--> statement-breakpoint
CREATE TRIGGER project_inspections_append_only BEFORE UPDATE OR DELETE ON project_inspections
  FOR EACH ROW EXECUTE FUNCTION voting_append_only();
--> statement-breakpoint
CREATE TRIGGER project_inspections_no_truncate BEFORE TRUNCATE ON project_inspections
  FOR EACH STATEMENT EXECUTE FUNCTION voting_append_only();
