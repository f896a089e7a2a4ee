-- Issue 11, the patient page's calls: every request looked up its session in the database, and
-- several looked up the practice's time zone, each on a connection of its own from the pool (at 100
-- connections, a wait for the pool each time). db/change-notices.ts keeps both in memory and forgets
-- them when any of these tables changes: every statement that could change what they say sends a
-- notice on channel ft_changes when it commits (from any server instance, or by hand in psql), and
-- each instance listens. A server that is not listening (connection lost) keeps nothing.
CREATE FUNCTION ft_change_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ft_changes', TG_TABLE_NAME);
  RETURN NULL;
END $$;

CREATE TRIGGER users_change_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION ft_change_notice();
CREATE TRIGGER practice_settings_change_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON practice_settings FOR EACH STATEMENT EXECUTE FUNCTION ft_change_notice();
-- A session's activity (last_seen_at, every 30 s) is no notice; its end is.
CREATE TRIGGER sessions_change_notice AFTER UPDATE OF ended_at, end_reason, user_id, token_hash, csrf_token, created_at
  OR DELETE OR TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION ft_change_notice();
-- Activity only moves forward; a last_seen_at set back (by hand, to test idle logoff) is a notice.
CREATE TRIGGER sessions_activity_rewound_notice AFTER UPDATE OF last_seen_at ON sessions
  FOR EACH ROW WHEN (NEW.last_seen_at < OLD.last_seen_at) EXECUTE FUNCTION ft_change_notice();
