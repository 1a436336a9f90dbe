package dev.assay.product;

import dev.assay.api.CreateProductRequest;
import dev.assay.api.CreateVersionRequest;
import dev.assay.api.ProductResponse;
import dev.assay.api.VersionResponse;
import dev.assay.auth.Caller;
import dev.assay.common.ListQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProductController {
    private final ProductService products;

    ProductController(ProductService products) {
        this.products = products;
    }

    @PostMapping("/products")
    ResponseEntity<ProductResponse> createProduct(Caller caller, @Valid @RequestBody CreateProductRequest request) {
        ProductResponse body = ProductMapper.toResponse(products.createProduct(caller, ProductMapper.toDetails(request)));
        return ResponseEntity.created(URI.create("/products/" + body.id())).body(body);
    }

    @GetMapping("/products")
    List<ProductResponse> listProducts(Caller caller, HttpServletRequest request) {
        return products.listProducts(caller, ListQuery.of(request.getParameterMap())).stream()
                .map(ProductMapper::toResponse)
                .toList();
    }

    @GetMapping("/products/{id}")
    ProductResponse getProduct(Caller caller, @PathVariable String id) {
        return ProductMapper.toResponse(products.getProduct(caller, id));
    }

    @DeleteMapping("/products/{id}")
    ResponseEntity<Void> deleteProduct(Caller caller, @PathVariable String id) {
        products.deleteProduct(caller, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/versions")
    ResponseEntity<VersionResponse> createVersion(Caller caller, @Valid @RequestBody CreateVersionRequest request) {
        Version version = products.createVersion(caller, Objects.requireNonNull(request.productId()), ProductMapper.toDetails(request));
        VersionResponse body = ProductMapper.toResponse(version);
        return ResponseEntity.created(URI.create("/versions/" + body.id())).body(body);
    }

    @GetMapping("/versions")
    List<VersionResponse> listVersions(Caller caller, HttpServletRequest request) {
        return products.listVersions(caller, ListQuery.of(request.getParameterMap())).stream()
                .map(ProductMapper::toResponse)
                .toList();
    }

    @GetMapping("/versions/{id}")
    VersionResponse getVersion(Caller caller, @PathVariable String id) {
        return ProductMapper.toResponse(products.getVersion(caller, id));
    }

    @DeleteMapping("/versions/{id}")
    ResponseEntity<Void> deleteVersion(Caller caller, @PathVariable String id) {
        products.deleteVersion(caller, id);
        return ResponseEntity.noContent().build();
    }
}
