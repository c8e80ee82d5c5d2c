-- 002: attempts and worker_year without REFERENCES. The import is their
-- only writer and guarantees the parents itself (OrganiserStore::import_bundle
-- inserts the bundle row, and worker_id() finds or inserts the worker, in the
-- same transaction before import_payload() writes an attempt or a
-- worker_year row; nothing deletes bundles or workers). The checks cost a
-- parent lookup per attempt and per worker_year update.
CREATE TABLE attempts_new (
  id              INTEGER PRIMARY KEY,
  bundle_hash     BLOB NOT NULL,
  worker_id       INTEGER NOT NULL,
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
INSERT INTO attempts_new SELECT id, bundle_hash, worker_id, contest_id, paper_seed, started_at_ms, ended_at_ms, year,
  centipoints, max_centipoints, correct_count, answer_count FROM attempts;
DROP TABLE attempts;
ALTER TABLE attempts_new RENAME TO attempts;

CREATE TABLE worker_year_new (
  worker_id    INTEGER NOT NULL,
  year         INTEGER NOT NULL,
  attempts     INTEGER NOT NULL,
  sum_percent  REAL NOT NULL,
  best_percent REAL NOT NULL,
  PRIMARY KEY (worker_id, year)
) WITHOUT ROWID;
INSERT INTO worker_year_new SELECT worker_id, year, attempts, sum_percent, best_percent FROM worker_year;
DROP TABLE worker_year;
ALTER TABLE worker_year_new RENAME TO worker_year;
