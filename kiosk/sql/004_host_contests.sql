-- Host-mode (team) contests: the setup and every accepted host intent, each
-- committed before the screen moves on, so a restart comes back to the same
-- question with the same scores; the final standings, which the next score
-- bundle carries.
CREATE TABLE host_contests (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  contest_id TEXT NOT NULL,
  config TEXT NOT NULL,
  question_ids TEXT NOT NULL,
  teams TEXT NOT NULL,
  enterprise_uscc TEXT NOT NULL,
  seed INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  clock_ms INTEGER NOT NULL DEFAULT 0,
  finished_at INTEGER,
  bundle_sequence INTEGER REFERENCES bundles(sequence)
);
CREATE INDEX host_contests_open ON host_contests (finished_at) WHERE finished_at IS NULL;
CREATE TABLE host_intents (
  contest INTEGER NOT NULL REFERENCES host_contests(id),
  seq INTEGER NOT NULL,
  at_ms INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (contest, seq)
);
CREATE TABLE host_results (
  contest INTEGER NOT NULL REFERENCES host_contests(id),
  team_index INTEGER NOT NULL,
  team TEXT NOT NULL,
  rank INTEGER NOT NULL,
  points INTEGER NOT NULL,
  correct INTEGER NOT NULL,
  fouls INTEGER NOT NULL,
  PRIMARY KEY (contest, team_index)
);
