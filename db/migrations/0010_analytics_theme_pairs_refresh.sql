-- fact_theme_pair_month (migration 0009) is filled by the same refresh as the other
-- facts: the two functions below are 0008's with the pair table added, then one rebuild
-- fills it for the data already there.
CREATE OR REPLACE FUNCTION analytics_insert_facts(p_where text) RETURNS void AS $$
BEGIN
  EXECUTE format($q$
  WITH tm AS MATERIALIZED (
    SELECT m.id, m.status, m.kind, m.home_official, date_trunc('month', m.date)::date AS month
    FROM meetings m
    WHERE m.status IN ('approved', 'pending') AND %s
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
  i_theme_pair AS (
    INSERT INTO fact_theme_pair_month (month, status, theme_code, other_code, meetings)
    SELECT tm.month, tm.status, mt.theme_code, mo.theme_code, count(*)
    FROM tm JOIN meeting_themes mt ON mt.meeting_id = tm.id JOIN meeting_themes mo ON mo.meeting_id = tm.id
    GROUP BY 1, 2, 3, 4
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
  $q$, p_where);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Recomputes the facts of the given month keys (null: all) from the base tables (the
-- caller holds the refresh lock). Past two years of months one pass over everything is cheaper.
CREATE OR REPLACE FUNCTION analytics_recompute_months(p_months date[]) RETURNS void AS $$
DECLARE
  mo date;
  v_hashjoin text;
BEGIN
  IF p_months IS NOT NULL AND cardinality(p_months) > 24 THEN
    p_months := NULL;
  END IF;
  IF p_months IS NULL THEN
    DELETE FROM fact_month;
    DELETE FROM fact_partner_month;
    DELETE FROM fact_theme_month;
    DELETE FROM fact_theme_pair_month;
    DELETE FROM fact_partner_theme_month;
    DELETE FROM fact_partner_type_month;
    DELETE FROM fact_region_month;
    DELETE FROM fact_counterpart_month;
  ELSE
    DELETE FROM fact_month WHERE month = ANY(p_months) OR (month IS NULL AND '-infinity'::date = ANY(p_months));
    DELETE FROM fact_partner_month WHERE month = ANY(p_months) OR (month IS NULL AND '-infinity'::date = ANY(p_months));
    DELETE FROM fact_theme_month WHERE month = ANY(p_months) OR (month IS NULL AND '-infinity'::date = ANY(p_months));
    DELETE FROM fact_theme_pair_month WHERE month = ANY(p_months) OR (month IS NULL AND '-infinity'::date = ANY(p_months));
    DELETE FROM fact_partner_theme_month WHERE month = ANY(p_months) OR (month IS NULL AND '-infinity'::date = ANY(p_months));
    DELETE FROM fact_partner_type_month WHERE month = ANY(p_months) OR (month IS NULL AND '-infinity'::date = ANY(p_months));
    DELETE FROM fact_region_month WHERE month = ANY(p_months) OR (month IS NULL AND '-infinity'::date = ANY(p_months));
    DELETE FROM fact_counterpart_month WHERE month = ANY(p_months) OR (month IS NULL AND '-infinity'::date = ANY(p_months));
  END IF;
  IF p_months IS NULL THEN
    PERFORM analytics_insert_facts('true');
    RETURN;
  END IF;
  -- A month is ~1% of the meetings: its links are fetched by index, but the planner still
  -- preferred hashing all of meeting_partners (20 ms of a 45 ms refresh). Off for the loop only.
  v_hashjoin := current_setting('enable_hashjoin');
  PERFORM set_config('enable_hashjoin', 'off', true);
  FOREACH mo IN ARRAY p_months LOOP
    IF mo = '-infinity'::date THEN
      PERFORM analytics_insert_facts('m.date IS NULL');
    ELSIF mo < 'infinity'::date THEN
      PERFORM analytics_insert_facts(format('m.date >= %L::date AND m.date < %L::date', mo, (mo + interval '1 month')::date));
    END IF;
  END LOOP;
  PERFORM set_config('enable_hashjoin', v_hashjoin, true);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT analytics_rebuild_facts();
