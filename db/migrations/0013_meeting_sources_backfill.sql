-- Every record's own article is its first source (issue 17). A statement trigger keeps it
-- so for every insert into meetings (ingestion, re-extraction, bulk loads such as
-- seed:scale that write meetings with plain SQL); attached and merged sources are written
-- by the application. ON CONFLICT: an event already listed as a source of another record
-- stays with that record (the unique (article_id, ordinal) index decides).
CREATE OR REPLACE FUNCTION meeting_sources_own_article() RETURNS trigger AS $$
BEGIN
  INSERT INTO meeting_sources (meeting_id, article_id, ordinal, via)
  SELECT id, article_id, ordinal, CASE WHEN ordinal >= 1000 THEN 'editor' ELSE 'extractor' END FROM new_meetings
  ON CONFLICT (article_id, ordinal) DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER meetings_own_source AFTER INSERT ON meetings
  REFERENCING NEW TABLE AS new_meetings FOR EACH STATEMENT EXECUTE FUNCTION meeting_sources_own_article();
--> statement-breakpoint
INSERT INTO meeting_sources (meeting_id, article_id, ordinal, via, created_at)
SELECT id, article_id, ordinal, 'extractor', created_at FROM meetings ORDER BY id
ON CONFLICT (article_id, ordinal) DO NOTHING;
--> statement-breakpoint
-- The file name an article came from; pasted text has none.
UPDATE articles SET file = regexp_replace(source_name, '^.*[/\\]', '')
WHERE source_name IS NOT NULL AND source_name <> 'pasted text';
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "meeting_sources_content_version" AFTER INSERT OR UPDATE OR DELETE ON "meeting_sources" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION chronicle_bump_content_version();
