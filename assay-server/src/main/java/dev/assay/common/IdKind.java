package dev.assay.common;

/** The kinds of resource ids, each with the wire prefix of docs/reference/galtea-contract.md §7.6. */
public enum IdKind {
    ORGANIZATION("organization"), API_KEY("apiKey"), PRODUCT("product"), VERSION("version"), SESSION("session"), INFERENCE_RESULT(
            "inferenceResult"), EVALUATION(
                    "evaluation"), METRIC("metric"), SPECIFICATION("specification"), TEST("test"), TEST_CASE("testCase"),
    /** A span: the wire path {@code /traces} keeps the entity's old name. */
    TRACE("trace");

    private final String prefix;

    IdKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
