-- Undo (--importer.undo): which rows an import created, whether anyone changed them since, and where an
-- undo keeps the rows it removed, so that an undo can itself be undone.

-- The job execution that created the row. The lineage columns say which import wrote a row last; an
-- update overwrites them but never this column. NULL for rows stored before this migration.
ALTER TABLE coupon_series ADD COLUMN created_job_execution_id bigint;

-- When the row was last changed after it was stored, by anyone: an import's on-existing=update or any
-- hand-made UPDATE. Inserts (COPY included) do not fire the trigger, so an import pays nothing for it.
ALTER TABLE coupon_series ADD COLUMN changed_at timestamptz;

CREATE FUNCTION coupon_series_mark_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed_at := clock_timestamp();
    RETURN NEW;
END
$$;

CREATE TRIGGER coupon_series_changed BEFORE UPDATE ON coupon_series
    FOR EACH ROW EXECUTE FUNCTION coupon_series_mark_changed();

-- The rows an undo removed, as they were, with the undo's job execution, and the job execution that put
-- them back (an undo of the undo). A migration that adds a column to coupon_series adds it here too.
CREATE TABLE coupon_series_undone (LIKE coupon_series INCLUDING DEFAULTS);
ALTER TABLE coupon_series_undone ADD COLUMN undo_job_execution_id bigint NOT NULL,
    ADD COLUMN undone_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN restored_job_execution_id bigint;
CREATE INDEX coupon_series_undone_undo ON coupon_series_undone (undo_job_execution_id, id);
