-- Version 4: the search index gathers up to 64 MB of new terms in memory
-- before it writes them out as a segment (FTS5's default is 1 MB). A big
-- import then writes a few large segments instead of hundreds of small ones
-- that FTS5 would have to merge again. Only a bulk insert comes near it.
INSERT INTO questions_fts (questions_fts, rank) VALUES ('hashsize', 67108864);
