CREATE TABLE "latest_figures" (
	"indicator_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"as_of" date NOT NULL,
	"version" integer NOT NULL,
	"report_id" uuid NOT NULL,
	"value" numeric NOT NULL,
	"eligible" numeric,
	CONSTRAINT "latest_figures_indicator_id_region_code_pk" PRIMARY KEY("indicator_id","region_code")
);
--> statement-breakpoint
ALTER TABLE "plan_years" ADD COLUMN "demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "latest_figures" ADD CONSTRAINT "latest_figures_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;