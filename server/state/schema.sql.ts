/** The tables of a state database. `user_version` says which layout a file has. */
export const layoutVersion = 1;

export const schema = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (
  record_id TEXT PRIMARY KEY, end_user TEXT, queue TEXT NOT NULL,
  status TEXT NOT NULL, created_at TEXT NOT NULL, closed_at TEXT);
CREATE INDEX IF NOT EXISTS records_owner ON records (end_user, queue);
CREATE TABLE IF NOT EXISTS bundles (digest TEXT PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
  session_id TEXT PRIMARY KEY, revision TEXT NOT NULL, started TEXT NOT NULL,
  ended_at TEXT, ended_seq INTEGER);
CREATE INDEX IF NOT EXISTS sessions_ended ON sessions (ended_seq) WHERE ended_seq IS NOT NULL;
CREATE TABLE IF NOT EXISTS session_events (session_id TEXT NOT NULL, event TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS session_events_of ON session_events (session_id);
CREATE TABLE IF NOT EXISTS decisions (seq INTEGER PRIMARY KEY, session_id TEXT NOT NULL, decision TEXT NOT NULL);
`;
