CREATE TABLE "supervision_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_year_id" uuid NOT NULL,
	"serial" integer NOT NULL,
	"project_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"gravity" text NOT NULL,
	"reason" text NOT NULL,
	"requirement" text,
	"issued_by" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"taken_on" date NOT NULL,
	"text" text,
	"grade" text,
	"due_on" date,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"unit_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD CONSTRAINT "supervision_orders_plan_year_id_plan_years_id_fk" FOREIGN KEY ("plan_year_id") REFERENCES "public"."plan_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD CONSTRAINT "supervision_orders_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD CONSTRAINT "supervision_orders_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD CONSTRAINT "supervision_orders_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_steps" ADD CONSTRAINT "supervision_steps_order_id_supervision_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."supervision_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_steps" ADD CONSTRAINT "supervision_steps_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_steps" ADD CONSTRAINT "supervision_steps_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_orders_serial_uq" ON "supervision_orders" USING btree ("plan_year_id","serial");--> statement-breakpoint
CREATE INDEX "supervision_orders_project_idx" ON "supervision_orders" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_steps_order_position_uq" ON "supervision_steps" USING btree ("order_id","position");--> statement-breakpoint
-- Hand-written: an order and its steps are the record of who asked what of whom and when; both go on
-- the audit chain, and neither can be changed or removed (voting_append_only names the table).
SELECT audit_attach('supervision_orders', 'id');
--> statement-breakpoint
SELECT audit_attach('supervision_steps', 'id');
--> statement-breakpoint
CREATE TRIGGER supervision_orders_append_only BEFORE UPDATE OR DELETE ON supervision_orders
  FOR EACH ROW EXECUTE FUNCTION voting_append_only();
--> statement-breakpoint
CREATE TRIGGER supervision_orders_no_truncate BEFORE TRUNCATE ON supervision_orders
  FOR EACH STATEMENT EXECUTE FUNCTION voting_append_only();
--> statement-breakpoint
CREATE TRIGGER supervision_steps_append_only BEFORE UPDATE OR DELETE ON supervision_steps
  FOR EACH ROW EXECUTE FUNCTION voting_append_only();
--> statement-breakpoint
CREATE TRIGGER supervision_steps_no_truncate BEFORE TRUNCATE ON supervision_steps
  FOR EACH STATEMENT EXECUTE FUNCTION voting_append_only();
