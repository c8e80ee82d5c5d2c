-- 004: the city roll-up. The city federation's store registers each
-- organising unit's organiser key and imports the units' signed roll-ups
-- (results/rollup.h) through the same merge as bundles. Every unit's
-- registration of an enterprise is kept; the enterprise's row in
-- `enterprises` is the one the totals count (registration_id; NULL for a
-- registration made in this store or a placeholder of results).

-- Units whose roll-ups are accepted, by their organiser public key.
CREATE TABLE units (
  public_key BLOB PRIMARY KEY CHECK (length(public_key) = 32),
  label      TEXT NOT NULL DEFAULT '',
  added_at   INTEGER NOT NULL
);

-- Imported roll-up files. A unit's later export (exported_at_ms) replaces
-- its registrations; its records merge like any bundle's.
CREATE TABLE rollups (
  hash           BLOB PRIMARY KEY,
  unit_key       BLOB NOT NULL REFERENCES units (public_key),
  exported_at_ms INTEGER NOT NULL,
  enterprises    INTEGER NOT NULL,
  attempts       INTEGER NOT NULL,
  answers        INTEGER NOT NULL,
  team_results   INTEGER NOT NULL,
  imported_at    INTEGER NOT NULL,
  UNIQUE (unit_key, exported_at_ms)
);

-- One unit's registration of one enterprise, from the unit's newest
-- roll-up. id follows the import order: the lowest of a USCC is counted.
-- (A contest year will join the key; the surrogate id keeps that open.)
CREATE TABLE registrations (
  id          INTEGER PRIMARY KEY,
  unit_key    BLOB NOT NULL REFERENCES units (public_key),
  uscc        TEXT NOT NULL,
  name        TEXT NOT NULL,
  affiliation TEXT NOT NULL CHECK (affiliation IN ('district', 'industry', 'federation')),
  unit        TEXT NOT NULL,
  headcount   INTEGER NOT NULL CHECK (headcount > 0),
  rollup_hash BLOB NOT NULL REFERENCES rollups (hash),
  UNIQUE (unit_key, uscc)
);
CREATE INDEX registrations_by_uscc ON registrations (uscc, id);

ALTER TABLE enterprises ADD COLUMN registration_id INTEGER REFERENCES registrations (id);

-- Team results without the reference to bundles: bundle_hash now names the
-- bundle or the roll-up that first brought the result (OrganiserStore's
-- merge writes it; nothing deletes either).
CREATE TABLE team_results_new (
  contest       BLOB NOT NULL CHECK (length(contest) = 16),
  uscc          TEXT NOT NULL REFERENCES enterprises (uscc),
  team          TEXT NOT NULL,
  bundle_hash   BLOB NOT NULL,
  contest_id    TEXT NOT NULL,
  rank          INTEGER NOT NULL CHECK (rank >= 1),
  centipoints   INTEGER NOT NULL,
  correct       INTEGER NOT NULL,
  fouls         INTEGER NOT NULL,
  paper_seed    INTEGER NOT NULL,
  started_at_ms INTEGER NOT NULL,
  ended_at_ms   INTEGER NOT NULL,
  year          INTEGER NOT NULL,
  PRIMARY KEY (contest, uscc, team)
) WITHOUT ROWID;
INSERT INTO team_results_new SELECT contest, uscc, team, bundle_hash, contest_id, rank, centipoints, correct, fouls,
  paper_seed, started_at_ms, ended_at_ms, year FROM team_results;
DROP TABLE team_results;
ALTER TABLE team_results_new RENAME TO team_results;
CREATE INDEX team_results_by_year ON team_results (year, started_at_ms);
