-- Version 1: questions, their category tree, tags and pictures.
-- A released migration is never edited; a change is a new numbered file.

CREATE TABLE categories (
  id        INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES categories(id),
  name      TEXT NOT NULL,
  path      TEXT NOT NULL UNIQUE  -- '/'-joined names from the root, for subtree lookups
);

-- Pictures are kept in the bank, shared by every question that shows them.
CREATE TABLE images (
  id     INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  mime   TEXT NOT NULL,
  width  INTEGER NOT NULL,
  height INTEGER NOT NULL,
  bytes  BLOB NOT NULL
);

-- The answer lives in JSON columns so every type fits one row and stays
-- queryable with json_each():
--   options  single/multiple: options in display order; ordering: items in correct order
--   answer   single/multiple: [indices of the correct options]; true_false: true|false;
--            fill_blank: [[accepted, ...], ...] or {"value": v, "tolerance": t};
--            matching/ordering/hotspot: null
--   pairs    matching: [[left, right], ...]
--   regions  hotspot: [[x, y, width, height], ...]
CREATE TABLE questions (
  seq          INTEGER PRIMARY KEY,  -- rowid: compact key for the search index and draw slots
  id           TEXT NOT NULL UNIQUE, -- UUID, stable for life
  type         TEXT NOT NULL CHECK (type IN ('single', 'multiple', 'true_false', 'fill_blank',
                                             'matching', 'ordering', 'hotspot')),
  stem         TEXT NOT NULL,
  options      TEXT NOT NULL DEFAULT '[]',
  answer       TEXT NOT NULL DEFAULT 'null',
  pairs        TEXT NOT NULL DEFAULT '[]',
  regions      TEXT NOT NULL DEFAULT '[]',
  image_id     INTEGER REFERENCES images(id),
  explanation  TEXT NOT NULL DEFAULT '',
  law          TEXT NOT NULL DEFAULT '',
  article      TEXT NOT NULL DEFAULT '',
  category_id  INTEGER REFERENCES categories(id),
  difficulty   INTEGER NOT NULL CHECK (difficulty BETWEEN 1 AND 5),
  source       TEXT NOT NULL DEFAULT '',
  status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  dup_key      TEXT NOT NULL UNIQUE, -- duplicate_key(): normalised stem + answer
  use_count    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX questions_category ON questions(category_id);

CREATE TABLE tags (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE question_tags (
  question_seq INTEGER NOT NULL REFERENCES questions(seq),
  position     INTEGER NOT NULL,  -- keeps the tags in the order they were given
  tag_id       INTEGER NOT NULL REFERENCES tags(id),
  PRIMARY KEY (question_seq, position)
) WITHOUT ROWID;
CREATE INDEX question_tags_tag ON question_tags(tag_id);
