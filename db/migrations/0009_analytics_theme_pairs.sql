CREATE TABLE "fact_theme_pair_month" (
	"month" date,
	"status" "meeting_status" NOT NULL,
	"theme_code" text NOT NULL,
	"other_code" text NOT NULL,
	"meetings" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "fact_theme_pair_month_month_idx" ON "fact_theme_pair_month" USING btree ("month");--> statement-breakpoint
CREATE INDEX "fact_theme_pair_month_theme_idx" ON "fact_theme_pair_month" USING btree ("theme_code");