/** Galtea's deterministic evaluation metrics in plain Java: no Spring, no database. */
@NullMarked
package dev.assay.metrics;

import org.jspecify.annotations.NullMarked;
