-- Version 2: full-text search over stem, options and explanation.
-- Trigram tokens match any substring of 3 or more characters, which suits
-- Chinese (no word breaks). Contentless: the text already lives in questions.
-- Options are indexed one per line.

CREATE VIRTUAL TABLE questions_fts USING fts5(
  stem, options, explanation, content = '', tokenize = 'trigram');

INSERT INTO questions_fts (rowid, stem, options, explanation)
SELECT q.seq, q.stem,
       (SELECT group_concat(value, char(10)) FROM json_each(q.options)),
       q.explanation
FROM questions q;
