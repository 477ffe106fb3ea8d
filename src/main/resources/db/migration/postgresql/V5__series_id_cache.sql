-- Each session draws series ids 1000 at a time: the importer asks for a chunk's ids in one statement
-- before it COPYs the chunk, and a cached sequence answers that without touching the sequence's page for
-- every id. Ids stay unique; like any sequence they may have gaps, and sessions' ids interleave.
ALTER TABLE coupon_series ALTER COLUMN id SET CACHE 1000;
