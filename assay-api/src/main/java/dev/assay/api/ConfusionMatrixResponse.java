package dev.assay.api;

/**
 * The 2×2 pass/fail table of machine against human: counts of evaluations.
 *
 * @param machinePassHumanPass both pass
 * @param machinePassHumanFail the machine passes what the human fails (a false positive of the judge)
 * @param machineFailHumanPass the machine fails what the human passes (a false negative of the judge)
 * @param machineFailHumanFail both fail
 */
public record ConfusionMatrixResponse(
        long machinePassHumanPass, long machinePassHumanFail, long machineFailHumanPass, long machineFailHumanFail) {}
