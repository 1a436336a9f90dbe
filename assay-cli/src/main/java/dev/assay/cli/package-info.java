/**
 * The {@code assay} command line: one {@code assay <noun> <verb>} per operation of the REST API,
 * profiles, import and export of turns and test cases, and the {@code compare} gate for CI
 * (docs/cli.md). It talks to the server only through the Java SDK ({@code assay-client}).
 */
@NullMarked
package dev.assay.cli;

import org.jspecify.annotations.NullMarked;
