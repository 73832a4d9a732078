-- Keeps the analytics facts (migration 0006) equal to what the base tables give.
--
-- Writers only MARK: statement triggers (transition tables, so a bulk insert costs one
-- statement, not one per row) record the months a write touched in
-- analytics_dirty_months, and the partners whose meeting days changed in
-- analytics_dirty_partners, keyed by (key, txid): marks of one transaction collapse,
-- marks of concurrent transactions are separate rows, so writers never wait for each
-- other or for a refresh.
--
-- Readers REFRESH: analytics_refresh_facts() (called before a chart reads facts) takes
-- the committed marks, deletes those months' fact rows and recomputes them from the
-- base tables. A mark committed after the refresh took the marks survives and is
-- handled by the next refresh; a transaction-level advisory lock serialises refreshes,
-- so two of them never recompute the same month at once (which would double the rows).
-- When nothing is marked the refresh is two probes of empty tables.
CREATE OR REPLACE FUNCTION analytics_month_key(d date) RETURNS date AS $$
  SELECT coalesce(date_trunc('month', d)::date, '-infinity'::date)
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
-- meetings: the month of every inserted/deleted row, both months of a row whose date,
-- status, kind or official changed; the partners of a meeting whose date or status changed.
CREATE OR REPLACE FUNCTION analytics_mark_meetings() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO analytics_dirty_months (month, txid)
      SELECT DISTINCT analytics_month_key(n.date), txid_current() FROM new_rows n WHERE n.status <> 'rejected'
      ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO analytics_dirty_months (month, txid)
      SELECT DISTINCT analytics_month_key(o.date), txid_current() FROM old_rows o WHERE o.status <> 'rejected'
      ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO analytics_dirty_months (month, txid)
      SELECT DISTINCT analytics_month_key(x.d), txid_current()
      FROM old_rows o JOIN new_rows n ON n.id = o.id
        CROSS JOIN LATERAL (VALUES (o.date), (n.date)) x(d)
      WHERE (o.date, o.status, o.kind, o.home_official) IS DISTINCT FROM (n.date, n.status, n.kind, n.home_official)
      ON CONFLICT DO NOTHING;
    INSERT INTO analytics_dirty_partners (partner_id, txid)
      SELECT DISTINCT mp.partner_id, txid_current()
      FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN meeting_partners mp ON mp.meeting_id = n.id
      WHERE (o.date, o.status) IS DISTINCT FROM (n.date, n.status)
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- meeting_partners, meeting_themes, meeting_participants: the months of the meetings the
-- rows belong to (a row deleted by a meeting's cascade finds no meeting: the meeting's
-- own trigger marks that month); for meeting_partners also the partners themselves.
CREATE OR REPLACE FUNCTION analytics_mark_meeting_links() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO analytics_dirty_months (month, txid)
      SELECT DISTINCT analytics_month_key(m.date), txid_current()
      FROM new_rows n JOIN meetings m ON m.id = n.meeting_id WHERE m.status <> 'rejected'
      ON CONFLICT DO NOTHING;
    IF TG_TABLE_NAME = 'meeting_partners' THEN
      INSERT INTO analytics_dirty_partners (partner_id, txid)
        SELECT DISTINCT n.partner_id, txid_current() FROM new_rows n ON CONFLICT DO NOTHING;
    END IF;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO analytics_dirty_months (month, txid)
      SELECT DISTINCT analytics_month_key(m.date), txid_current()
      FROM old_rows o JOIN meetings m ON m.id = o.meeting_id WHERE m.status <> 'rejected'
      ON CONFLICT DO NOTHING;
    IF TG_TABLE_NAME = 'meeting_partners' THEN
      INSERT INTO analytics_dirty_partners (partner_id, txid)
        SELECT DISTINCT o.partner_id, txid_current() FROM old_rows o ON CONFLICT DO NOTHING;
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- partners: a changed type or region moves the partner's meetings between buckets.
CREATE OR REPLACE FUNCTION analytics_mark_partners() RETURNS trigger AS $$
BEGIN
  INSERT INTO analytics_dirty_months (month, txid)
    SELECT DISTINCT analytics_month_key(m.date), txid_current()
    FROM old_rows o JOIN new_rows n ON n.id = o.id
      JOIN meeting_partners mp ON mp.partner_id = n.id JOIN meetings m ON m.id = mp.meeting_id
    WHERE (o.type, o.region) IS DISTINCT FROM (n.type, n.region) AND m.status <> 'rejected'
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- people: a merge (merged_into_id) changes whom a participant counts as.
CREATE OR REPLACE FUNCTION analytics_mark_people() RETURNS trigger AS $$
BEGIN
  INSERT INTO analytics_dirty_months (month, txid)
    SELECT DISTINCT analytics_month_key(m.date), txid_current()
    FROM old_rows o JOIN new_rows n ON n.id = o.id
      JOIN meeting_participants pa ON pa.person_id = n.id JOIN meetings m ON m.id = pa.meeting_id
    WHERE o.merged_into_id IS DISTINCT FROM n.merged_into_id AND m.status <> 'rejected'
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- TRUNCATE has no rows to look at: everything is recomputed.
CREATE OR REPLACE FUNCTION analytics_mark_everything() RETURNS trigger AS $$
BEGIN
  INSERT INTO analytics_dirty_months (month, txid) VALUES ('infinity'::date, txid_current()) ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER analytics_meetings_ins AFTER INSERT ON meetings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_meetings();
--> statement-breakpoint
CREATE TRIGGER analytics_meetings_upd AFTER UPDATE ON meetings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_meetings();
--> statement-breakpoint
CREATE TRIGGER analytics_meetings_del AFTER DELETE ON meetings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_meetings();
--> statement-breakpoint
CREATE TRIGGER analytics_meeting_partners_ins AFTER INSERT ON meeting_partners REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_meeting_links();
--> statement-breakpoint
CREATE TRIGGER analytics_meeting_partners_upd AFTER UPDATE ON meeting_partners REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_meeting_links();
--> statement-breakpoint
CREATE TRIGGER analytics_meeting_partners_del AFTER DELETE ON meeting_partners REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_meeting_links();
--> statement-breakpoint
CREATE TRIGGER analytics_meeting_themes_ins AFTER INSERT ON meeting_themes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_meeting_links();
--> statement-breakpoint
CREATE TRIGGER analytics_meeting_themes_upd AFTER UPDATE ON meeting_themes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_meeting_links();
--> statement-breakpoint
CREATE TRIGGER analytics_meeting_themes_del AFTER DELETE ON meeting_themes REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_meeting_links();
--> statement-breakpoint
CREATE TRIGGER analytics_meeting_participants_ins AFTER INSERT ON meeting_participants REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_meeting_links();
--> statement-breakpoint
CREATE TRIGGER analytics_meeting_participants_upd AFTER UPDATE ON meeting_participants REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_meeting_links();
--> statement-breakpoint
CREATE TRIGGER analytics_meeting_participants_del AFTER DELETE ON meeting_participants REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_meeting_links();
--> statement-breakpoint
CREATE TRIGGER analytics_partners_upd AFTER UPDATE ON partners REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_partners();
--> statement-breakpoint
CREATE TRIGGER analytics_people_upd AFTER UPDATE ON people REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_people();
--> statement-breakpoint
CREATE TRIGGER analytics_meetings_truncate AFTER TRUNCATE ON meetings FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_everything();
--> statement-breakpoint
CREATE TRIGGER analytics_meeting_partners_truncate AFTER TRUNCATE ON meeting_partners FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_everything();
--> statement-breakpoint
CREATE TRIGGER analytics_meeting_themes_truncate AFTER TRUNCATE ON meeting_themes FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_everything();
--> statement-breakpoint
CREATE TRIGGER analytics_meeting_participants_truncate AFTER TRUNCATE ON meeting_participants FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_everything();
--> statement-breakpoint
CREATE TRIGGER analytics_partners_truncate AFTER TRUNCATE ON partners FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_everything();
--> statement-breakpoint
CREATE TRIGGER analytics_people_truncate AFTER TRUNCATE ON people FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_everything();
--> statement-breakpoint
-- Recomputes the facts of the given month keys (null: all) from the base tables (the
-- caller holds the refresh lock). The SELECTs mirror the base-table chart queries in
-- db/queries/analytics.ts; tests/integration/analytics-facts.test.ts compares the two.
CREATE OR REPLACE FUNCTION analytics_recompute_months(p_months date[]) RETURNS void AS $$
BEGIN
  IF p_months IS NULL THEN
    DELETE FROM fact_month;
    DELETE FROM fact_partner_month;
    DELETE FROM fact_theme_month;
    DELETE FROM fact_partner_theme_month;
    DELETE FROM fact_partner_type_month;
    DELETE FROM fact_region_month;
    DELETE FROM fact_counterpart_month;
  ELSE
    DELETE FROM fact_month WHERE month = ANY(p_months) OR (month IS NULL AND '-infinity'::date = ANY(p_months));
    DELETE FROM fact_partner_month WHERE month = ANY(p_months) OR (month IS NULL AND '-infinity'::date = ANY(p_months));
    DELETE FROM fact_theme_month WHERE month = ANY(p_months) OR (month IS NULL AND '-infinity'::date = ANY(p_months));
    DELETE FROM fact_partner_theme_month WHERE month = ANY(p_months) OR (month IS NULL AND '-infinity'::date = ANY(p_months));
    DELETE FROM fact_partner_type_month WHERE month = ANY(p_months) OR (month IS NULL AND '-infinity'::date = ANY(p_months));
    DELETE FROM fact_region_month WHERE month = ANY(p_months) OR (month IS NULL AND '-infinity'::date = ANY(p_months));
    DELETE FROM fact_counterpart_month WHERE month = ANY(p_months) OR (month IS NULL AND '-infinity'::date = ANY(p_months));
  END IF;
  WITH tm AS MATERIALIZED (
    SELECT m.id, m.status, m.kind, m.home_official, date_trunc('month', m.date)::date AS month
    FROM meetings m
    WHERE p_months IS NULL AND m.status IN ('approved', 'pending')
    UNION ALL
    SELECT m.id, m.status, m.kind, m.home_official, date_trunc('month', m.date)::date AS month
    FROM unnest(p_months) mo JOIN meetings m ON m.date >= mo AND m.date < (mo + interval '1 month')::date
    WHERE mo > '-infinity'::date AND mo < 'infinity'::date AND m.status IN ('approved', 'pending')
    UNION ALL
    SELECT m.id, m.status, m.kind, m.home_official, NULL::date
    FROM meetings m
    WHERE '-infinity'::date = ANY(p_months) AND m.date IS NULL AND m.status IN ('approved', 'pending')
  ),
  i_month AS (
    INSERT INTO fact_month (month, status, kind, home_official, meetings)
    SELECT month, status, kind, home_official, count(*) FROM tm GROUP BY 1, 2, 3, 4
  ),
  pm AS MATERIALIZED (
    SELECT tm.id, tm.month, tm.status, mp.partner_id FROM tm JOIN meeting_partners mp ON mp.meeting_id = tm.id
  ),
  i_partner AS (
    INSERT INTO fact_partner_month (month, status, partner_id, meetings)
    SELECT month, status, partner_id, count(*) FROM pm GROUP BY 1, 2, 3
  ),
  i_theme AS (
    INSERT INTO fact_theme_month (month, status, theme_code, meetings)
    SELECT tm.month, tm.status, mt.theme_code, count(*) FROM tm JOIN meeting_themes mt ON mt.meeting_id = tm.id GROUP BY 1, 2, 3
  ),
  i_partner_theme AS (
    INSERT INTO fact_partner_theme_month (month, status, partner_id, theme_code, meetings)
    SELECT pm.month, pm.status, pm.partner_id, mt.theme_code, count(*)
    FROM pm JOIN meeting_themes mt ON mt.meeting_id = pm.id GROUP BY 1, 2, 3, 4
  ),
  i_type AS (
    INSERT INTO fact_partner_type_month (month, status, type, meetings)
    SELECT pm.month, pm.status, p.type, count(DISTINCT pm.id) FROM pm JOIN partners p ON p.id = pm.partner_id GROUP BY 1, 2, 3
  ),
  i_region AS (
    INSERT INTO fact_region_month (month, status, region, meetings)
    SELECT pm.month, pm.status, p.region, count(DISTINCT pm.id) FROM pm JOIN partners p ON p.id = pm.partner_id GROUP BY 1, 2, 3
  )
  INSERT INTO fact_counterpart_month (month, status, person_id, name_key, name, meetings)
  SELECT month, status, person_id, name_key, min(name), count(*)
  FROM (
    SELECT tm.id, tm.month, tm.status, coalesce(pe.merged_into_id, pe.id) AS person_id,
      CASE WHEN pe.id IS NULL THEN lower(pa.name) END AS name_key, min(pa.name) AS name
    FROM tm JOIN meeting_participants pa ON pa.meeting_id = tm.id AND pa.side = 'partner'
      LEFT JOIN people pe ON pe.id = pa.person_id
    GROUP BY 1, 2, 3, 4, 5
  ) per_meeting
  GROUP BY 1, 2, 3, 4;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Recomputes partner_rhythm for the given partners (null: all), as notMetForAWhile's
-- base query computes it with nothing but the status filtered.
CREATE OR REPLACE FUNCTION analytics_recompute_rhythm(p_partners int[]) RETURNS void AS $$
BEGIN
  DELETE FROM partner_rhythm WHERE p_partners IS NULL OR partner_id = ANY(p_partners);
  INSERT INTO partner_rhythm (include_pending, partner_id, days, pending_days, last_date, median_gap)
  WITH days AS (
    SELECT mp.partner_id, m.date, bool_and(m.status = 'pending') AS only_pending, bool_or(m.status = 'approved') AS any_approved
    FROM meeting_partners mp JOIN meetings m ON m.id = mp.meeting_id
    WHERE (p_partners IS NULL OR mp.partner_id = ANY(p_partners)) AND m.status IN ('approved', 'pending') AND m.date IS NOT NULL
    GROUP BY 1, 2
  ),
  modes AS (
    SELECT false AS include_pending, partner_id, date, false AS only_pending FROM days WHERE any_approved
    UNION ALL
    SELECT true, partner_id, date, only_pending FROM days
  ),
  gaps AS (
    SELECT include_pending, partner_id, date, only_pending,
      date - lag(date) OVER (PARTITION BY include_pending, partner_id ORDER BY date) AS gap
    FROM modes
  )
  SELECT include_pending, partner_id, count(*), count(*) FILTER (WHERE only_pending), max(date),
    percentile_cont(0.5) WITHIN GROUP (ORDER BY gap)
  FROM gaps GROUP BY 1, 2;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_refresh_facts() RETURNS void AS $$
DECLARE
  v_months date[];
  v_partners int[];
BEGIN
  IF NOT EXISTS (SELECT 1 FROM analytics_dirty_months) AND NOT EXISTS (SELECT 1 FROM analytics_dirty_partners) THEN
    RETURN;
  END IF;
  -- 'chronicle_facts' as a number: one lock for every refresh and rebuild.
  PERFORM pg_advisory_xact_lock(7263845120977);
  -- Statements after the lock see what the refresh that held it committed.
  WITH taken AS (DELETE FROM analytics_dirty_months RETURNING month) SELECT array_agg(DISTINCT month) INTO v_months FROM taken;
  WITH taken AS (DELETE FROM analytics_dirty_partners RETURNING partner_id) SELECT array_agg(DISTINCT partner_id) INTO v_partners FROM taken;
  IF v_months IS NOT NULL AND 'infinity'::date = ANY(v_months) THEN
    PERFORM analytics_recompute_months(NULL);
    PERFORM analytics_recompute_rhythm(NULL);
    RETURN;
  END IF;
  IF v_months IS NOT NULL THEN
    PERFORM analytics_recompute_months(v_months);
  END IF;
  IF v_partners IS NOT NULL THEN
    PERFORM analytics_recompute_rhythm(v_partners);
  END IF;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Everything from scratch: after a bulk load, and for the data present when this migration runs.
CREATE OR REPLACE FUNCTION analytics_rebuild_facts() RETURNS void AS $$
BEGIN
  INSERT INTO analytics_dirty_months (month, txid) VALUES ('infinity'::date, txid_current()) ON CONFLICT DO NOTHING;
  PERFORM analytics_refresh_facts();
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT analytics_rebuild_facts();
