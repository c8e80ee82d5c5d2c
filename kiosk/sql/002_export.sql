-- Score bundle export. Each enterprise gets its 统一社会信用代码, each scored
-- answer a lifelong id and its compact response (made when it is committed),
-- each attempt the bundle that carried it; the bundles table is the device's
-- chain: sequence numbers and the hash the next bundle points back to.
ALTER TABLE enterprises ADD COLUMN uscc TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN answer_uuid TEXT;
ALTER TABLE events ADD COLUMN response TEXT NOT NULL DEFAULT '';
ALTER TABLE attempts ADD COLUMN bundle_sequence INTEGER REFERENCES bundles(sequence);
CREATE TABLE bundles (
  sequence INTEGER PRIMARY KEY,
  hash TEXT NOT NULL,
  file TEXT NOT NULL,
  answers INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX attempts_unexported ON attempts (bundle_sequence) WHERE bundle_sequence IS NULL;
-- Answers committed before this migration get their id now.
UPDATE events SET answer_uuid = lower(hex(randomblob(16))) WHERE kind = 'scored';
