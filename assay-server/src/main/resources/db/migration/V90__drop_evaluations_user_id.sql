-- evaluations.user_id was never written nor read: an evaluation is created by an API key, not a
-- user, and its wire field userId is always null (docs/api.md, Evaluations).
ALTER TABLE evaluations DROP COLUMN user_id;
