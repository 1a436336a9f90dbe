package dev.assay.product;

import dev.assay.common.CreatedBetween;
import dev.assay.common.StrictIds;
import java.util.List;

/** The filters of {@code GET /products}; {@link ProductRepository#where} turns them into SQL. */
record ProductFilter(List<String> names, CreatedBetween created, StrictIds ids) {}
