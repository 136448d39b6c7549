-- Experiments: the arm a decision was made in, and the exposure log.

-- The experiment and arm (a variant's name, or 'holdout') of a decision made while an experiment ran on its
-- trigger; NULL outside experiments. variant is the content variant sent, as before.
ALTER TABLE decisions ADD COLUMN experiment text, ADD COLUMN experiment_variant text;
CREATE INDEX decisions_by_experiment ON decisions (experiment, experiment_variant) WHERE experiment IS NOT NULL;

-- Each user's first exposure to each experiment: the arm they were assigned when they would have got a message,
-- and the decision that exposed them. Written once per user per experiment (ON CONFLICT DO NOTHING).
CREATE TABLE exposures (
    experiment  text        NOT NULL,
    user_id     text        NOT NULL,
    variant     text        NOT NULL,
    exposed_at  timestamptz NOT NULL,
    decision_id text        NOT NULL,
    PRIMARY KEY (experiment, user_id)
);
CREATE INDEX exposures_by_user ON exposures (user_id);
