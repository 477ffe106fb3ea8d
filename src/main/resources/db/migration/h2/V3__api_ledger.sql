-- The API target's ledger (SPEC 7.2): a series is recorded as PENDING before it is sent and gets its
-- outcome after the answer, in transactions of their own, so a crash between the call and the chunk's
-- commit never makes the importer create a series twice. Keyed by the API it was sent to.
CREATE TABLE api_ledger (
    api_base_url varchar(500) NOT NULL,
    org_id bigint NOT NULL,
    series_code varchar(64) NOT NULL,
    status varchar(16) NOT NULL,
    series_id bigint,
    job_instance_id bigint NOT NULL,
    request_id varchar(200),
    reject_code varchar(32),
    api_error_code integer,
    message varchar(2000),
    warnings varchar(10000),
    updated_at timestamp with time zone NOT NULL,
    PRIMARY KEY (api_base_url, org_id, series_code),
    CONSTRAINT api_ledger_status CHECK (status IN ('PENDING', 'CREATED', 'EXISTING', 'REJECTED'))
);
