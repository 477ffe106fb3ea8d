-- DUPLICATE_IN_FILE is decided before the target sees a series (an index of the keys in memory, see
-- docs/decisions.md), so the job database no longer keeps every key of an import.
DROP TABLE import_series_key;
