-- Version 3: draw slots, so drawing a paper costs what the paper costs and
-- not what the bank holds. Every active question sits in the stratum of its
-- (category, type, difficulty) at an ordinal 0..size-1 with no gaps; a draw
-- picks random ordinals and looks each up. Retiring a question moves the
-- stratum's last question into its slot.

CREATE TABLE strata (
  id          INTEGER PRIMARY KEY,
  category_id INTEGER NOT NULL,  -- 0: no category
  type        TEXT NOT NULL,
  difficulty  INTEGER NOT NULL,
  size        INTEGER NOT NULL DEFAULT 0,
  UNIQUE (category_id, type, difficulty)
);

CREATE TABLE draw_slots (
  stratum_id   INTEGER NOT NULL REFERENCES strata(id),
  ordinal      INTEGER NOT NULL,
  question_seq INTEGER NOT NULL UNIQUE REFERENCES questions(seq),
  PRIMARY KEY (stratum_id, ordinal)
) WITHOUT ROWID;

INSERT INTO strata (category_id, type, difficulty, size)
SELECT ifnull(category_id, 0), type, difficulty, count(*)
FROM questions WHERE status = 'active'
GROUP BY ifnull(category_id, 0), type, difficulty;

INSERT INTO draw_slots (stratum_id, ordinal, question_seq)
SELECT s.id, row_number() OVER (PARTITION BY s.id ORDER BY q.seq) - 1, q.seq
FROM questions q
JOIN strata s ON s.category_id = ifnull(q.category_id, 0)
             AND s.type = q.type AND s.difficulty = q.difficulty
WHERE q.status = 'active';
