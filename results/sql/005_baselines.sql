-- 005: last year's figures from a 参赛企业汇总表 as filed (ankang baseline
-- import), for the growth year on year when the store holds no results of
-- that year. Per year the overall figures; per organising unit its own.
-- figures_hash identifies the figures, not the file: the same figures
-- imported again are a no-op, others for the same year are refused unless
-- replaced explicitly.
CREATE TABLE baselines (
  year         INTEGER PRIMARY KEY,
  source       TEXT NOT NULL,
  figures_hash BLOB NOT NULL,
  enterprises  INTEGER NOT NULL CHECK (enterprises >= 0),
  participants INTEGER NOT NULL CHECK (participants >= 0),
  attempts     INTEGER NOT NULL CHECK (attempts >= 0),
  headcount    INTEGER NOT NULL CHECK (headcount >= 0),
  imported_at  INTEGER NOT NULL
);

CREATE TABLE baseline_units (
  year         INTEGER NOT NULL REFERENCES baselines (year) ON DELETE CASCADE,
  unit         TEXT NOT NULL,
  position     INTEGER NOT NULL,  -- the unit's place in the table
  enterprises  INTEGER NOT NULL CHECK (enterprises >= 0),
  participants INTEGER NOT NULL CHECK (participants >= 0),
  attempts     INTEGER NOT NULL CHECK (attempts >= 0),
  headcount    INTEGER NOT NULL CHECK (headcount >= 0),
  PRIMARY KEY (year, unit)
) WITHOUT ROWID;
