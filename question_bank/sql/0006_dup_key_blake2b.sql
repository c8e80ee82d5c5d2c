-- Version 6: the duplicate key is the 16-byte BLAKE2b of the normalised stem
-- and answer instead of the first 16 bytes of their SHA-256 (cheaper, and a
-- big import computes one per question). Every stored key is computed again
-- from its question by duplicate_key_of(), a function question_bank/migrations.cpp
-- registers while the ladder runs; it returns the old key for a row it
-- cannot read. Should two rows come out with the same key (keys stored by an
-- older rule), the later keeps its old key: OR IGNORE.
UPDATE OR IGNORE questions
SET dup_key = duplicate_key_of(type, stem, options, answer, pairs, regions,
                               (SELECT bytes FROM images WHERE images.id = questions.image_id), dup_key);
