-- Inserts are audited once per statement instead of once per row. A row trigger took the chain's lock,
-- read the chain's head and inserted one audit row for every inserted row: a batch of 2,000 public
-- suggestions spent half its time there. The statement trigger reads the inserted rows from the
-- statement's transition table, extends the chain in their order and appends all the audit rows with
-- one INSERT. The audit rows are the same as before (same hash, same fields; `at` is the statement's
-- moment for all its rows). Updates and deletes keep the row trigger: they need each row's before.
CREATE OR REPLACE FUNCTION audit_capture_inserts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_seq bigint;
  v_prev text;
  v_at timestamptz := clock_timestamp();
  v_actor text := coalesce(nullif(current_setting('minsheng.actor', true), ''), 'system');
  v_secrets text[] := coalesce(TG_ARGV[1:], '{}');
  v_record text;
  v_hash text;
  r record;
  a_seq bigint[] := '{}';
  a_record text[] := '{}';
  a_after jsonb[] := '{}';
  a_prev text[] := '{}';
  a_hash text[] := '{}';
BEGIN
  -- One writer at a time extends the chain; the lock is released at commit.
  PERFORM pg_advisory_xact_lock(2260140521);
  SELECT a.seq, a.hash INTO v_seq, v_prev FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
  v_seq := coalesce(v_seq, 0);
  v_prev := coalesce(v_prev, repeat('0', 64));
  -- Secrets named after the primary key argument are never copied into the log.
  FOR r IN SELECT to_jsonb(n) - v_secrets AS after FROM audit_new_rows n LOOP
    v_seq := v_seq + 1;
    v_record := r.after ->> TG_ARGV[0];
    v_hash := audit_row_hash(v_prev, v_seq, v_at, v_actor, 'insert', TG_TABLE_NAME, v_record, NULL, r.after);
    a_seq := a_seq || v_seq;
    a_record := a_record || v_record;
    a_after := a_after || r.after;
    a_prev := a_prev || v_prev;
    a_hash := a_hash || v_hash;
    v_prev := v_hash;
  END LOOP;
  INSERT INTO audit_log (seq, at, actor, action, table_name, record_id, before, after, prev_hash, hash)
  SELECT u.seq, v_at, v_actor, 'insert', TG_TABLE_NAME, u.record, NULL, u.after, u.prev, u.hash
  FROM unnest(a_seq, a_record, a_after, a_prev, a_hash) AS u(seq, record, after, prev, hash);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_attach(p_table regclass, p_key text, VARIADIC p_secrets text[] DEFAULT '{}')
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_args text := quote_literal(p_key);
  v_secret text;
BEGIN
  FOREACH v_secret IN ARRAY p_secrets LOOP
    v_args := v_args || ', ' || quote_literal(v_secret);
  END LOOP;
  EXECUTE format('CREATE TRIGGER audit_capture AFTER UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION audit_capture(%s)', p_table, v_args);
  EXECUTE format('CREATE TRIGGER audit_capture_inserts AFTER INSERT ON %s REFERENCING NEW TABLE AS audit_new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_capture_inserts(%s)', p_table, v_args);
END $$;
--> statement-breakpoint
-- Every table attached so far: its row trigger's arguments (key, secrets) carry over to the new pair.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT tg.tgrelid::regclass AS tbl,
           substring(pg_get_triggerdef(tg.oid) FROM 'audit_capture\((.*)\)$') AS args
    FROM pg_trigger tg
    WHERE tg.tgname = 'audit_capture' AND NOT tg.tgisinternal
  LOOP
    EXECUTE format('DROP TRIGGER audit_capture ON %s', t.tbl);
    EXECUTE format('CREATE TRIGGER audit_capture AFTER UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION audit_capture(%s)', t.tbl, t.args);
    EXECUTE format('CREATE TRIGGER audit_capture_inserts AFTER INSERT ON %s REFERENCING NEW TABLE AS audit_new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_capture_inserts(%s)', t.tbl, t.args);
  END LOOP;
END $$;
