-- What the LLM judge cost for each evaluation: the model that answered and the tokens of every
-- judge call made for the row, summed over its attempts and retries (credits_used counts the
-- calls that returned an answer). NULL while no judge was called.
ALTER TABLE evaluations
    ADD COLUMN judge_model   text,
    ADD COLUMN input_tokens  bigint,
    ADD COLUMN output_tokens bigint;
