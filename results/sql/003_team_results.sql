-- 003: the final standings of host-mode team contests (班组赛) that kiosks
-- export with their bundles (payload version 2). A team's result is keyed by
-- the host contest's id, the enterprise and the team: the same result
-- exported again in a later bundle is stored once, and the bundle that
-- first brought it is kept. year = China year of the contest's start.
CREATE TABLE team_results (
  contest       BLOB NOT NULL CHECK (length(contest) = 16),
  uscc          TEXT NOT NULL REFERENCES enterprises (uscc),
  team          TEXT NOT NULL,
  bundle_hash   BLOB NOT NULL REFERENCES bundles (hash),
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

CREATE INDEX team_results_by_year ON team_results (year, started_at_ms);
