-- History is append-only: no code path may rewrite what happened.
CREATE OR REPLACE FUNCTION chronicle_history_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'history is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER history_no_update BEFORE UPDATE OR DELETE ON "history"
  FOR EACH ROW EXECUTE FUNCTION chronicle_history_append_only();
--> statement-breakpoint
CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON "history"
  FOR EACH STATEMENT EXECUTE FUNCTION chronicle_history_append_only();
