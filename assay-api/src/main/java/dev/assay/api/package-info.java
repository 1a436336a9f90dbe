/**
 * The wire records of the Assay REST API (the Galtea contract plus Assay's own tenancy routes),
 * shared by the server and the Java client. JSON property names are camelCase.
 */
@NullMarked
package dev.assay.api;

import org.jspecify.annotations.NullMarked;
