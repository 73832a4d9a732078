CREATE TABLE "duplicate_dismissals" (
	"meeting_a" integer NOT NULL,
	"meeting_b" integer NOT NULL,
	"user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duplicate_dismissals_meeting_a_meeting_b_pk" PRIMARY KEY("meeting_a","meeting_b")
);
--> statement-breakpoint
CREATE TABLE "meeting_sources" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meeting_sources_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meeting_id" integer NOT NULL,
	"article_id" integer NOT NULL,
	"ordinal" smallint DEFAULT 0 NOT NULL,
	"via" text DEFAULT 'extractor' NOT NULL,
	"added_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_operations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "record_operations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"meeting_ids" integer[] NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"versions_after" jsonb NOT NULL,
	"removed_events" text[] DEFAULT '{}'::text[] NOT NULL,
	"user_id" integer,
	"undone_at" timestamp with time zone,
	"undone_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "file" text;--> statement-breakpoint
ALTER TABLE "evidence" ADD COLUMN "article_id" integer;--> statement-breakpoint
ALTER TABLE "duplicate_dismissals" ADD CONSTRAINT "duplicate_dismissals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_sources" ADD CONSTRAINT "meeting_sources_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_sources" ADD CONSTRAINT "meeting_sources_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_sources" ADD CONSTRAINT "meeting_sources_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_operations" ADD CONSTRAINT "record_operations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_operations" ADD CONSTRAINT "record_operations_undone_by_users_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_sources_event_uq" ON "meeting_sources" USING btree ("article_id","ordinal");--> statement-breakpoint
CREATE INDEX "meeting_sources_meeting_idx" ON "meeting_sources" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "record_operations_meetings_idx" ON "record_operations" USING gin ("meeting_ids");--> statement-breakpoint
CREATE INDEX "record_operations_kind_idx" ON "record_operations" USING btree ("kind","created_at");--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;