-- 006: a registration belongs to a contest year. The enterprise list of one
-- year no longer changes another year's 参与率 or awards: the summary of a
-- year counts the enterprises registered for it (enterprise_years), and the
-- row in `enterprises` keeps the newest registration as the enterprise's
-- name. A unit's roll-up registrations (registration_id, a city's store)
-- carry no year and count in every year.
CREATE TABLE enterprise_years (
  year        INTEGER NOT NULL,
  uscc        TEXT NOT NULL REFERENCES enterprises (uscc),
  name        TEXT NOT NULL,
  affiliation TEXT NOT NULL CHECK (affiliation IN ('district', 'industry', 'federation')),
  unit        TEXT NOT NULL,
  headcount   INTEGER NOT NULL CHECK (headcount > 0),
  PRIMARY KEY (year, uscc)
) WITHOUT ROWID;
CREATE INDEX enterprise_years_by_uscc ON enterprise_years (uscc, year);

-- A store made before holds registrations without a year; its reports
-- counted them in every year. They stay registered for every year the store
-- has results of, and for the current one, so a report made again gives
-- the figures it gave before.
INSERT INTO enterprise_years (year, uscc, name, affiliation, unit, headcount)
SELECT y.year, e.uscc, e.name, e.affiliation, e.unit, e.headcount
FROM enterprises e,
     (SELECT year FROM score_histogram WHERE attempts > 0
      UNION SELECT year FROM team_results
      UNION SELECT CAST(strftime('%Y', 'now', '+8 hours') AS INTEGER)) y
WHERE e.registered = 1 AND e.registration_id IS NULL AND e.headcount > 0
  AND e.affiliation IN ('district', 'industry', 'federation');
