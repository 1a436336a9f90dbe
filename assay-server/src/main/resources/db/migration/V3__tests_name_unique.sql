-- A test's name is unique among the live tests of its product (Galtea answers 400
-- "A Test with the same Name already exists."); the index makes the check race-free.
CREATE UNIQUE INDEX tests_name_uq ON tests (product_id, name) WHERE deleted_at IS NULL;
