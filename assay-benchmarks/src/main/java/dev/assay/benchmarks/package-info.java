/**
 * JMH benchmarks of the metrics library. Run them from the uber jar built by {@code mvn package}:
 * {@code java -jar assay-benchmarks/target/benchmarks.jar}; see {@code BENCHMARKS.md}.
 */
@NullMarked
package dev.assay.benchmarks;

import org.jspecify.annotations.NullMarked;
