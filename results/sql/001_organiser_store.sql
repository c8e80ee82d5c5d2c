-- 001: the organiser store. Never edit after release; add 002_... instead.

-- Kiosks whose bundles are accepted. id = first 16 bytes of BLAKE2b(public_key).
CREATE TABLE devices (
  id         BLOB PRIMARY KEY CHECK (length(id) = 16),
  public_key BLOB NOT NULL UNIQUE CHECK (length(public_key) = 32),
  label      TEXT NOT NULL DEFAULT '',
  added_at   INTEGER NOT NULL
);

-- 参赛单位. registered = 0: seen only in results, not registered (flagged in reports).
CREATE TABLE enterprises (
  uscc        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  affiliation TEXT NOT NULL CHECK (affiliation IN ('district', 'industry', 'federation', '')),
  unit        TEXT NOT NULL,
  headcount   INTEGER NOT NULL CHECK (headcount >= 0),
  registered  INTEGER NOT NULL CHECK (registered IN (0, 1))
);

-- Real codes whose check character is wrong but that the registry issued.
CREATE TABLE uscc_allowlist (
  uscc TEXT PRIMARY KEY,
  note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE teams (
  id   INTEGER PRIMARY KEY,
  uscc TEXT NOT NULL REFERENCES enterprises (uscc),
  name TEXT NOT NULL,
  UNIQUE (uscc, name)
);

CREATE TABLE workers (
  id          INTEGER PRIMARY KEY,
  uscc        TEXT NOT NULL REFERENCES enterprises (uscc),
  employee_no TEXT NOT NULL,
  name        TEXT NOT NULL,
  team_id     INTEGER NOT NULL REFERENCES teams (id),
  UNIQUE (uscc, employee_no)
);

CREATE TABLE questions (
  id       INTEGER PRIMARY KEY,
  uuid     TEXT NOT NULL UNIQUE,
  category TEXT NOT NULL DEFAULT ''
);

CREATE TABLE bundles (
  hash          BLOB PRIMARY KEY,
  device_id     BLOB NOT NULL REFERENCES devices (id),
  sequence      INTEGER NOT NULL,
  previous_hash BLOB NOT NULL,
  contest_id    TEXT NOT NULL,
  answers       INTEGER NOT NULL,
  imported_at   INTEGER NOT NULL,
  UNIQUE (device_id, sequence)
);

CREATE TABLE attempts (
  id              INTEGER PRIMARY KEY,
  bundle_hash     BLOB NOT NULL REFERENCES bundles (hash),
  worker_id       INTEGER NOT NULL REFERENCES workers (id),
  contest_id      TEXT NOT NULL,
  paper_seed      INTEGER NOT NULL,
  started_at_ms   INTEGER NOT NULL,
  ended_at_ms     INTEGER NOT NULL,
  year            INTEGER NOT NULL,
  centipoints     INTEGER NOT NULL,
  max_centipoints INTEGER NOT NULL,
  correct_count   INTEGER NOT NULL,
  answer_count    INTEGER NOT NULL
);

-- No REFERENCES here: only the import writes answers, with the attempt and
-- question ids it has just made, and two parent lookups per answer would
-- double the cost of the largest table.
CREATE TABLE answers (
  uuid             BLOB PRIMARY KEY,
  attempt_id       INTEGER NOT NULL,
  question_id      INTEGER NOT NULL,
  response         TEXT NOT NULL,
  correct_permille INTEGER NOT NULL,
  centipoints      INTEGER NOT NULL,
  shown_ms         INTEGER NOT NULL,
  latency_ms       INTEGER NOT NULL
) WITHOUT ROWID;

-- Aggregates, kept up to date by every import so reports never rescan answers.
-- Score = percent of full marks of one attempt.
CREATE TABLE worker_year (
  worker_id    INTEGER NOT NULL REFERENCES workers (id),
  year         INTEGER NOT NULL,
  attempts     INTEGER NOT NULL,
  sum_percent  REAL NOT NULL,
  best_percent REAL NOT NULL,
  PRIMARY KEY (worker_id, year)
) WITHOUT ROWID;

-- Per question: x = correctness 0..1 of one answer, s = its attempt's score,
-- enough for the facility (mean x) and discrimination (corr(x, s)).
CREATE TABLE question_year (
  question_id INTEGER NOT NULL REFERENCES questions (id),
  year        INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  sum_x       REAL NOT NULL,
  sum_xx      REAL NOT NULL,
  sum_s       REAL NOT NULL,
  sum_ss      REAL NOT NULL,
  sum_xs      REAL NOT NULL,
  PRIMARY KEY (question_id, year)
) WITHOUT ROWID;

CREATE TABLE category_year (
  uscc     TEXT NOT NULL,
  category TEXT NOT NULL,
  year     INTEGER NOT NULL,
  n        INTEGER NOT NULL,
  sum_x    REAL NOT NULL,
  PRIMARY KEY (uscc, category, year)
) WITHOUT ROWID;

-- Attempts per score band: bucket b holds scores in [10b, 10b + 10), 10 holds 100.
CREATE TABLE score_histogram (
  year     INTEGER NOT NULL,
  bucket   INTEGER NOT NULL CHECK (bucket BETWEEN 0 AND 10),
  attempts INTEGER NOT NULL,
  PRIMARY KEY (year, bucket)
) WITHOUT ROWID;

CREATE INDEX workers_by_team ON workers (team_id);
