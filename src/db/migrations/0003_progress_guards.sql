-- Approved progress reports and their figures are history: never updated or deleted. The one
-- exception is replacing a whole plan year by a fresh import (the spec's re-import), which sets
-- minsheng.replacing_plan for its transaction; the audit log keeps every row it removes.
CREATE OR REPLACE FUNCTION progress_report_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'approved' AND coalesce(current_setting('minsheng.replacing_plan', true), '') <> 'on' THEN
    RAISE EXCEPTION 'approved progress reports cannot be changed; file a correction instead'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER progress_reports_guard BEFORE UPDATE OR DELETE ON progress_reports
  FOR EACH ROW EXECUTE FUNCTION progress_report_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_value_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('minsheng.replacing_plan', true), '') <> 'on'
     AND EXISTS (SELECT 1 FROM progress_reports r WHERE r.id = OLD.report_id AND r.status = 'approved') THEN
    RAISE EXCEPTION 'figures of approved progress reports cannot be changed'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_values_guard BEFORE UPDATE OR DELETE ON report_values
  FOR EACH ROW EXECUTE FUNCTION report_value_guard();
--> statement-breakpoint
SELECT audit_attach('projects', 'id');
--> statement-breakpoint
SELECT audit_attach('project_units', 'project_id');
--> statement-breakpoint
SELECT audit_attach('indicators', 'id');
--> statement-breakpoint
SELECT audit_attach('milestones', 'id');
--> statement-breakpoint
SELECT audit_attach('allocations', 'id');
--> statement-breakpoint
SELECT audit_attach('progress_reports', 'id');
--> statement-breakpoint
SELECT audit_attach('report_values', 'report_id');
