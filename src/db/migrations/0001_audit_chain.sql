-- The audit chain. Every audited table gets an AFTER ROW trigger that appends one row per change to
-- audit_log, hash-chained to the row before it. The actor is whatever the application put in the
-- transaction-local setting minsheng.actor (see src/db/transaction.ts).
CREATE OR REPLACE FUNCTION audit_row_hash(
  prev text, seq bigint, at timestamptz, actor text, action text, tbl text, rec text, before jsonb, after jsonb
) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|', prev, seq::text,
    (extract(epoch FROM at) * 1000000)::bigint::text, actor, action, tbl, rec,
    coalesce(before::text, ''), coalesce(after::text, '')), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_append(
  p_action text, p_table text, p_record text, p_before jsonb, p_after jsonb
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_seq bigint;
  v_prev text;
  v_at timestamptz := clock_timestamp();
  v_actor text := coalesce(nullif(current_setting('minsheng.actor', true), ''), 'system');
BEGIN
  -- One writer at a time extends the chain; the lock is released at commit.
  PERFORM pg_advisory_xact_lock(2260140521);
  SELECT a.seq, a.hash INTO v_seq, v_prev FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
  v_seq := coalesce(v_seq, 0) + 1;
  v_prev := coalesce(v_prev, repeat('0', 64));
  INSERT INTO audit_log (seq, at, actor, action, table_name, record_id, before, after, prev_hash, hash)
  VALUES (v_seq, v_at, v_actor, p_action, p_table, p_record, p_before, p_after, v_prev,
          audit_row_hash(v_prev, v_seq, v_at, v_actor, p_action, p_table, p_record, p_before, p_after));
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_capture() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_before jsonb;
  v_after jsonb;
  v_secret text;
BEGIN
  IF TG_OP <> 'INSERT' THEN v_before := to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN v_after := to_jsonb(NEW); END IF;
  -- Secrets named after the primary key argument are never copied into the log.
  FOREACH v_secret IN ARRAY TG_ARGV[1:] LOOP
    v_before := v_before - v_secret;
    v_after := v_after - v_secret;
  END LOOP;
  PERFORM audit_append(lower(TG_OP), TG_TABLE_NAME, coalesce(v_after, v_before) ->> TG_ARGV[0], v_before, v_after);
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
  EXECUTE format('CREATE TRIGGER audit_capture AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION audit_capture(%s)', p_table, v_args);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
SELECT audit_attach('regions', 'code');
--> statement-breakpoint
SELECT audit_attach('units', 'id');
--> statement-breakpoint
SELECT audit_attach('users', 'id', 'password_hash');
--> statement-breakpoint
SELECT audit_attach('role_grants', 'id');
--> statement-breakpoint
SELECT audit_attach('plan_years', 'id');
