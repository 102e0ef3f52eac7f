CREATE TABLE "indicator_rollups" (
	"indicator_id" uuid PRIMARY KEY NOT NULL,
	"children" integer NOT NULL,
	"reported" integer NOT NULL,
	"target" numeric,
	"value" numeric NOT NULL,
	"eligible" numeric
);
--> statement-breakpoint
ALTER TABLE "indicator_rollups" ADD CONSTRAINT "indicator_rollups_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Derived from latest_figures (not audited, like it); built here from what is already approved so
-- that existing plan years read their roll-ups at once.
INSERT INTO "indicator_rollups" ("indicator_id", "children", "reported", "target", "value", "eligible")
SELECT i.id, count(*)::int, count(f.value)::int,
       CASE WHEN i.kind = 'percent'
            THEN sum(coalesce(a.target, 100) * coalesce(a.target, 100)) / nullif(sum(coalesce(a.target, 100)), 0)
            ELSE sum(a.target) END,
       CASE WHEN i.kind = 'percent'
            THEN coalesce(sum(coalesce(f.value, 0) * coalesce(a.target, 100)) / nullif(sum(coalesce(a.target, 100)), 0), 0)
            ELSE coalesce(sum(f.value), 0) END,
       sum(f.eligible)
FROM "allocations" a
JOIN "indicators" i ON i.id = a.indicator_id
LEFT JOIN "latest_figures" f ON f.indicator_id = a.indicator_id AND f.region_code = a.region_code
GROUP BY i.id, i.kind;
