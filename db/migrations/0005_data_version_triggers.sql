-- Read caches (status counts, filter menus, analytics) are keyed by data_versions."content".
-- The bump runs at COMMIT (deferred constraint triggers), so:
--  * the new version becomes visible together with the data it stands for: a reader that
--    sees version N also sees every change counted in N (its later statements' snapshots
--    are at least as new), so nothing stale is ever cached under a new version;
--  * the version row is locked only while the transaction commits, after all its other
--    locks were taken, so the counter cannot take part in a deadlock.
-- A transaction bumps once however many rows it touched (a transaction-local flag).
INSERT INTO "data_versions" ("name", "version") VALUES ('content', 1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION chronicle_bump_content_version() RETURNS trigger AS $$
BEGIN
  IF current_setting('chronicle.content_bumped', true) IS DISTINCT FROM txid_current()::text THEN
    UPDATE "data_versions" SET "version" = "version" + 1 WHERE "name" = 'content';
    PERFORM set_config('chronicle.content_bumped', txid_current()::text, true);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "articles_content_version" AFTER INSERT OR UPDATE OR DELETE ON "articles" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION chronicle_bump_content_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "meetings_content_version" AFTER INSERT OR UPDATE OR DELETE ON "meetings" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION chronicle_bump_content_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "meeting_participants_content_version" AFTER INSERT OR UPDATE OR DELETE ON "meeting_participants" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION chronicle_bump_content_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "meeting_partners_content_version" AFTER INSERT OR UPDATE OR DELETE ON "meeting_partners" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION chronicle_bump_content_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "meeting_themes_content_version" AFTER INSERT OR UPDATE OR DELETE ON "meeting_themes" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION chronicle_bump_content_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "partners_content_version" AFTER INSERT OR UPDATE OR DELETE ON "partners" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION chronicle_bump_content_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "people_content_version" AFTER INSERT OR UPDATE OR DELETE ON "people" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION chronicle_bump_content_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "themes_content_version" AFTER INSERT OR UPDATE OR DELETE ON "themes" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION chronicle_bump_content_version();
--> statement-breakpoint
-- TRUNCATE cannot fire row triggers; it takes an exclusive lock anyway, so bump at once.
CREATE OR REPLACE FUNCTION chronicle_bump_content_version_now() RETURNS trigger AS $$
BEGIN
  UPDATE "data_versions" SET "version" = "version" + 1 WHERE "name" = 'content';
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER "articles_content_version_truncate" AFTER TRUNCATE ON "articles" FOR EACH STATEMENT EXECUTE FUNCTION chronicle_bump_content_version_now();
--> statement-breakpoint
CREATE TRIGGER "meetings_content_version_truncate" AFTER TRUNCATE ON "meetings" FOR EACH STATEMENT EXECUTE FUNCTION chronicle_bump_content_version_now();
--> statement-breakpoint
CREATE TRIGGER "partners_content_version_truncate" AFTER TRUNCATE ON "partners" FOR EACH STATEMENT EXECUTE FUNCTION chronicle_bump_content_version_now();
--> statement-breakpoint
CREATE TRIGGER "themes_content_version_truncate" AFTER TRUNCATE ON "themes" FOR EACH STATEMENT EXECUTE FUNCTION chronicle_bump_content_version_now();
