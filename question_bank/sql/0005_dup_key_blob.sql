-- Version 5: the duplicate key is stored as its 16 bytes (a BLOB) instead of
-- 32 hex digits. The unique index on it is half the size, and a big import,
-- which looks up a random key per question, seeks and compares less.
-- key_from_hex() is registered by question_bank/migrations.cpp while the
-- ladder runs (SQLite 3.40 has no unhex()); a key that is not 32 hex digits
-- is left as it is.
UPDATE questions SET dup_key = key_from_hex(dup_key) WHERE typeof(dup_key) = 'text';
