CREATE TABLE "analytics_dirty_months" (
	"month" date NOT NULL,
	"txid" bigint NOT NULL,
	CONSTRAINT "analytics_dirty_months_month_txid_pk" PRIMARY KEY("month","txid")
);
--> statement-breakpoint
CREATE TABLE "analytics_dirty_partners" (
	"partner_id" integer NOT NULL,
	"txid" bigint NOT NULL,
	CONSTRAINT "analytics_dirty_partners_partner_id_txid_pk" PRIMARY KEY("partner_id","txid")
);
--> statement-breakpoint
CREATE TABLE "fact_counterpart_month" (
	"month" date,
	"status" "meeting_status" NOT NULL,
	"person_id" integer,
	"name_key" text,
	"name" text NOT NULL,
	"meetings" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fact_month" (
	"month" date,
	"status" "meeting_status" NOT NULL,
	"kind" "meeting_kind" NOT NULL,
	"home_official" text,
	"meetings" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fact_partner_month" (
	"month" date,
	"status" "meeting_status" NOT NULL,
	"partner_id" integer NOT NULL,
	"meetings" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fact_partner_theme_month" (
	"month" date,
	"status" "meeting_status" NOT NULL,
	"partner_id" integer NOT NULL,
	"theme_code" text NOT NULL,
	"meetings" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fact_partner_type_month" (
	"month" date,
	"status" "meeting_status" NOT NULL,
	"type" "partner_type" NOT NULL,
	"meetings" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fact_region_month" (
	"month" date,
	"status" "meeting_status" NOT NULL,
	"region" text,
	"meetings" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fact_theme_month" (
	"month" date,
	"status" "meeting_status" NOT NULL,
	"theme_code" text NOT NULL,
	"meetings" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_rhythm" (
	"include_pending" boolean NOT NULL,
	"partner_id" integer NOT NULL,
	"days" integer NOT NULL,
	"pending_days" integer NOT NULL,
	"last_date" date NOT NULL,
	"median_gap" double precision,
	CONSTRAINT "partner_rhythm_include_pending_partner_id_pk" PRIMARY KEY("include_pending","partner_id")
);
--> statement-breakpoint
CREATE INDEX "fact_counterpart_month_month_idx" ON "fact_counterpart_month" USING btree ("month");--> statement-breakpoint
CREATE INDEX "fact_month_month_idx" ON "fact_month" USING btree ("month");--> statement-breakpoint
CREATE INDEX "fact_partner_month_month_idx" ON "fact_partner_month" USING btree ("month");--> statement-breakpoint
CREATE INDEX "fact_partner_theme_month_month_idx" ON "fact_partner_theme_month" USING btree ("month");--> statement-breakpoint
CREATE INDEX "fact_partner_theme_month_partner_idx" ON "fact_partner_theme_month" USING btree ("partner_id","theme_code");--> statement-breakpoint
CREATE INDEX "fact_partner_type_month_month_idx" ON "fact_partner_type_month" USING btree ("month");--> statement-breakpoint
CREATE INDEX "fact_region_month_month_idx" ON "fact_region_month" USING btree ("month");--> statement-breakpoint
CREATE INDEX "fact_theme_month_month_idx" ON "fact_theme_month" USING btree ("month");