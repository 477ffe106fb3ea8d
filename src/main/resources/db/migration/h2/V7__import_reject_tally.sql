-- Each partition's records read and rejected so far, written in its chunks' transactions, so that
-- importer.max-rejects holds for the whole import rather than for each partition; removed when the import
-- completes.
CREATE TABLE import_reject_tally (
    job_instance_id bigint NOT NULL,
    partition_index integer NOT NULL,
    records bigint NOT NULL,
    rejected bigint NOT NULL,
    PRIMARY KEY (job_instance_id, partition_index)
);
