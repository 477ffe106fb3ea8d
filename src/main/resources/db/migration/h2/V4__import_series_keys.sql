-- The series (org + code) each import has accepted so far, with the line that defined them first: how
-- DUPLICATE_IN_FILE is found without holding every key in memory. Written in each chunk's transaction,
-- so a restart finds exactly the keys of the committed chunks; removed when the import completes.
-- partition_index is -1 for an import without partitions (a partition checks its own range only).
CREATE TABLE import_series_key (
    job_instance_id bigint NOT NULL,
    partition_index integer NOT NULL,
    org_id bigint NOT NULL,
    series_code varchar(64) NOT NULL,
    first_line bigint NOT NULL,
    PRIMARY KEY (job_instance_id, partition_index, org_id, series_code)
);
