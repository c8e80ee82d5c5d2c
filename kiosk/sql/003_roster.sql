-- Contest packages bring the enterprises and teams taking part. The rows of
-- a roster that a new package no longer lists stay (their workers and
-- attempts point at them) but leave the sign-in lists.
ALTER TABLE enterprises ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE teams ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
