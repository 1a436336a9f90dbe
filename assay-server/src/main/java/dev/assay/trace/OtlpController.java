package dev.assay.trace;

import dev.assay.auth.Caller;
import dev.assay.common.AssayException;
import dev.assay.common.AssayProperties;
import dev.assay.common.ErrorCode;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OTLP/HTTP trace ingestion, {@code POST /otel/traces} (docs/api.md "OpenTelemetry"): protobuf
 * ({@code application/x-protobuf}) or JSON, optionally gzip-compressed, answered in the request's
 * encoding with OTLP's {@code partialSuccess}.
 */
@RestController
class OtlpController {
    static final MediaType PROTOBUF = MediaType.parseMediaType("application/x-protobuf");
    /** Spans one request may carry; an exporter's batches are far smaller (512 by default). */
    static final int MAX_SPANS = 10_000;

    private final OtelIngestService ingest;
    private final IngestGate gate;
    private final long maxBodyBytes;

    OtlpController(OtelIngestService ingest, IngestGate gate, AssayProperties properties) {
        this.ingest = ingest;
        this.gate = gate;
        this.maxBodyBytes = properties.http().maxBodyBytes();
    }

    @PostMapping("/otel/traces")
    ResponseEntity<?> export(Caller caller, HttpServletRequest request) throws IOException {
        boolean protobuf = isProtobuf(request.getContentType());
        byte[] body = body(request);
        List<OtlpSpan> spans = protobuf ? OtlpDecoder.fromProtobuf(body, MAX_SPANS) : OtlpDecoder.fromJson(body, MAX_SPANS);
        OtelIngestService.Result result = spans.isEmpty()
                ? new OtelIngestService.Result(0, 0, null)
                : gate.call(caller.organizationId(), () -> ingest.ingest(caller, spans));
        if (protobuf) {
            ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
            // Spans that wait for their turn are not rejected: OTLP's warning form, 0 rejected with a message.
            if (result.rejected() > 0 || result.message() != null) {
                response.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
                        .setRejectedSpans(result.rejected())
                        .setErrorMessage(result.message() == null ? "" : result.message()));
            }
            return ResponseEntity.ok().contentType(PROTOBUF).body(response.build().toByteArray());
        }
        Map<String, Object> partialSuccess = new LinkedHashMap<>();
        if (result.rejected() > 0 || result.message() != null) {
            partialSuccess.put("rejectedSpans", result.rejected());
            partialSuccess.put("errorMessage", result.message());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("partialSuccess", partialSuccess));
    }

    private static boolean isProtobuf(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type != null && (type.isCompatibleWith(PROTOBUF) || type.isCompatibleWith(MediaType.parseMediaType("application/protobuf")))) {
            return true;
        }
        if (type != null && type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return false;
        }
        throw new AssayException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "OTLP/HTTP takes Content-Type application/x-protobuf or application/json");
    }

    /** The request body, inflated when gzip-compressed; either way at most the body limit. */
    private byte[] body(HttpServletRequest request) throws IOException {
        String encoding = request.getHeader("Content-Encoding");
        InputStream in = request.getInputStream();
        if (encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("identity")) {
            if (!encoding.strip().toLowerCase(Locale.ROOT).equals("gzip")) {
                throw new AssayException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        "Content-Encoding " + encoding + " is not supported; send gzip or no encoding");
            }
            try {
                in = new GZIPInputStream(in);
            } catch (ZipException | EOFException e) {
                throw AssayException.invalid("The body is not valid gzip");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try {
            int read;
            while ((read = in.read(buffer)) > 0) {
                if (out.size() + (long) read > maxBodyBytes) {
                    throw new AssayException(ErrorCode.PAYLOAD_TOO_LARGE,
                            "Request body exceeds the limit of " + maxBodyBytes + " bytes (after decompression)");
                }
                out.write(buffer, 0, read);
            }
        } catch (ZipException | EOFException e) {
            throw AssayException.invalid("The body is not valid gzip");
        }
        return out.toByteArray();
    }
}
