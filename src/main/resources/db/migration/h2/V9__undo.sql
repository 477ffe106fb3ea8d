-- The job execution that created the row (see the PostgreSQL migration). Undo itself needs PostgreSQL:
-- H2 cannot tell whether a row was changed since it was stored.
ALTER TABLE coupon_series ADD COLUMN created_job_execution_id bigint;
ALTER TABLE coupon_series ADD COLUMN changed_at timestamp with time zone;
