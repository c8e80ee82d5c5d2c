-- The kiosk store: who answered what, every intent and event of every
-- attempt, settings. Never edited after release: add 002_*.sql instead.
CREATE TABLE enterprises (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE teams (
  id INTEGER PRIMARY KEY,
  enterprise_id INTEGER NOT NULL REFERENCES enterprises(id),
  name TEXT NOT NULL,
  UNIQUE (enterprise_id, name)
);
CREATE TABLE workers (
  id INTEGER PRIMARY KEY,
  enterprise_id INTEGER NOT NULL REFERENCES enterprises(id),
  team_id INTEGER NOT NULL REFERENCES teams(id),
  employee_no TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (enterprise_id, employee_no)
);
-- An attempt is its setup (mode, paper, seed) plus its intent log; clock_ms is
-- the attempt's own clock, checkpointed while it runs, so a restart resumes
-- with the same remaining time.
CREATE TABLE attempts (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  worker_id INTEGER NOT NULL REFERENCES workers(id),
  mode TEXT NOT NULL CHECK (mode IN ('practice', 'timed_test', 'mistakes')),
  config TEXT NOT NULL,
  question_ids TEXT NOT NULL,
  seed INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  clock_ms INTEGER NOT NULL DEFAULT 0,
  finished_at INTEGER,
  points INTEGER,
  correct INTEGER,
  passed INTEGER
);
CREATE INDEX attempts_open ON attempts (finished_at) WHERE finished_at IS NULL;
CREATE TABLE intents (
  attempt_id INTEGER NOT NULL REFERENCES attempts(id),
  seq INTEGER NOT NULL,
  at_ms INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (attempt_id, seq)
);
CREATE TABLE events (
  attempt_id INTEGER NOT NULL REFERENCES attempts(id),
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  question INTEGER NOT NULL,
  credit INTEGER NOT NULL,
  points INTEGER NOT NULL,
  total INTEGER NOT NULL,
  value INTEGER NOT NULL,
  extra INTEGER NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (attempt_id, seq)
);
-- The mistake book: per worker and question, kept across attempts.
CREATE TABLE mistakes (
  worker_id INTEGER NOT NULL REFERENCES workers(id),
  question_id TEXT NOT NULL,
  lapses INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (worker_id, question_id)
);
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
