package dev.assay.analysis;

import static java.util.Objects.requireNonNull;

/** What the test of a comparison runs on: per-test-case differences, or two independent samples. */
sealed interface Units {

    /** Candidate minus base per test case, each side's scores of the test case averaged first. */
    record Paired(double[] differences) implements Units {
        public Paired {
            requireNonNull(differences, "differences");
        }
    }

    /** Every scored evaluation of each side. */
    record Unpaired(double[] base, double[] candidate) implements Units {
        public Unpaired {
            requireNonNull(base, "base");
            requireNonNull(candidate, "candidate");
        }
    }
}
