package dev.assay.product;

import dev.assay.api.CreateProductRequest;
import dev.assay.api.CreateVersionRequest;
import dev.assay.api.ProductResponse;
import dev.assay.api.VersionResponse;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.Timestamps;
import java.util.Objects;

final class ProductMapper {

    private ProductMapper() {}

    static ProductDetails toDetails(CreateProductRequest request) {
        return new ProductDetails(Objects.requireNonNull(request.name()).strip(), request.description(),
                request.riskLevel(), request.operatorType(), request.securityBoundaries(), request.capabilities(),
                request.policies(), request.inabilities());
    }

    static VersionDetails toDetails(CreateVersionRequest request) {
        return new VersionDetails(Objects.requireNonNull(request.name()).strip(), request.description(),
                request.systemPrompt(), request.modelId(), request.datasetDescription(), request.datasetUri(),
                request.endpoint(), request.guardrails());
    }

    static ProductResponse toResponse(Product product) {
        return new ProductResponse(Ids.format(IdKind.PRODUCT, product.id()), product.name(), product.description(),
                product.riskLevel(), product.operatorType(), product.securityBoundaries(), product.capabilities(),
                product.policies(), product.inabilities(), Ids.format(IdKind.ORGANIZATION, product.organizationId()),
                null, Timestamps.format(product.createdAt()), Timestamps.formatNullable(product.deletedAt()));
    }

    static VersionResponse toResponse(Version version) {
        return new VersionResponse(Ids.format(IdKind.VERSION, version.id()), Ids.format(IdKind.PRODUCT, version.productId()),
                version.name(), version.description(), version.systemPrompt(), version.modelId(),
                version.datasetDescription(), version.datasetUri(), version.endpoint(), version.guardrails(),
                Timestamps.format(version.createdAt()), Timestamps.formatNullable(version.deletedAt()));
    }
}
