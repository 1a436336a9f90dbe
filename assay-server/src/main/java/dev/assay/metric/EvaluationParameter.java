package dev.assay.metric;

import java.util.Arrays;
import java.util.Optional;

/** The evaluation parameters a metric may declare (docs/reference/galtea-contract.md §4.3), by their wire names. */
public enum EvaluationParameter {
    INPUT("input"), ACTUAL_OUTPUT("actual_output"), EXPECTED_OUTPUT("expected_output"), CONTEXT("context"), RETRIEVAL_CONTEXT(
            "retrieval_context"), TRACES("traces"), EXPECTED_TOOLS("expected_tools"), TOOLS_USED("tools_used"), PRODUCT_DESCRIPTION(
                    "product_description"), PRODUCT_CAPABILITIES("product_capabilities"), PRODUCT_INABILITIES(
                            "product_inabilities"), PRODUCT_SECURITY_BOUNDARIES("product_security_boundaries"), USER_PERSONA(
                                    "user_persona"), GOAL("goal"), SCENARIO(
                                            "scenario"), STOPPING_CRITERIAS("stopping_criterias"), CONVERSATION_TURNS("conversation_turns");

    private final String wireName;

    EvaluationParameter(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EvaluationParameter> fromWire(String name) {
        return Arrays.stream(values()).filter(parameter -> parameter.wireName.equals(name)).findFirst();
    }
}
