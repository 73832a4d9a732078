CREATE INDEX "meetings_confidence_id_idx" ON "meetings" USING btree ("confidence","id");--> statement-breakpoint
CREATE INDEX "meetings_queue_datekey_idx" ON "meetings" USING btree ("status",coalesce("date", '1900-01-01'::date),"id");--> statement-breakpoint
CREATE INDEX "meetings_datekey_idx" ON "meetings" USING btree (coalesce("date", '1900-01-01'::date),"id");