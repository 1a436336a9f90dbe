package dev.assay.metrics.structured;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * A minimal HTTP/1.1 client that connects to a pre-resolved address. The JDK {@code HttpClient}
 * cannot be pinned to an address (it always resolves the host itself), which would let a DNS
 * rebinding attack bypass the SSRF check; this class reads only the status line and headers.
 */
final class SocketHttpProber implements HttpProber {

    private static final int HTTPS_PORT = 443;
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final String USER_AGENT = "Assay-URL-Validation/1";

    private final int connectTimeoutMillis;
    private final long readTimeoutNanos;
    private final Connector connector;

    SocketHttpProber(Duration connectTimeout, Duration readTimeout, Connector connector) {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive: " + connectTimeout + ", " + readTimeout);
        }
        this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout.toMillis()));
        this.readTimeoutNanos = readTimeout.toNanos();
        this.connector = connector;
    }

    /** Opens TLS connections to port 443 with SNI and hostname verification against the URL's host. */
    static Connector tls() {
        return (address, host, connectTimeoutMillis) -> {
            SSLSocketFactory factory;
            try {
                factory = SSLContext.getDefault().getSocketFactory();
            } catch (NoSuchAlgorithmException e) {
                throw new IOException("no default TLS context", e);
            }
            return tls(factory, HTTPS_PORT).open(address, host, connectTimeoutMillis);
        };
    }

    /** Opens TLS connections with the given factory and port (tests use their own trust store and port). */
    static Connector tls(SSLSocketFactory factory, int port) {
        return (address, host, connectTimeoutMillis) -> {
            Socket plain = plaintext(port).open(address, host, connectTimeoutMillis);
            try {
                SSLSocket socket = (SSLSocket) factory.createSocket(plain, host, port, true);
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                parameters.setServerNames(List.of(new SNIHostName(host)));
                socket.setSSLParameters(parameters);
                return socket;
            } catch (IOException | RuntimeException e) {
                plain.close();
                throw e;
            }
        };
    }

    /** Opens plain TCP connections to the given port; for tests against a local HTTP server. */
    static Connector plaintext(int port) {
        return (address, host, connectTimeoutMillis) -> {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), connectTimeoutMillis);
                return socket;
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        };
    }

    @Override
    public Response send(String method, URI url, InetAddress address) throws IOException {
        String host = url.getHost();
        if (host == null) {
            throw new IOException("URL has no host: " + url);
        }
        URI ascii = URI.create(url.toASCIIString());
        String path = ascii.getRawPath() == null || ascii.getRawPath().isEmpty() ? "/" : ascii.getRawPath();
        String target = ascii.getRawQuery() == null ? path : path + "?" + ascii.getRawQuery();
        String request = method + " " + target + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "User-Agent: " + USER_AGENT + "\r\n"
                + "Accept: */*\r\n"
                + "Connection: close\r\n\r\n";
        long deadline = System.nanoTime() + readTimeoutNanos;
        try (Socket socket = connector.open(address, host, connectTimeoutMillis)) {
            socket.setSoTimeout(remainingMillis(deadline));
            OutputStream output = socket.getOutputStream();
            output.write(request.getBytes(StandardCharsets.US_ASCII));
            output.flush();
            return readHead(socket, new BufferedInputStream(socket.getInputStream()), deadline);
        }
    }

    private static Response readHead(Socket socket, InputStream input, long deadline) throws IOException {
        int[] budget = {MAX_HEAD_BYTES};
        while (true) {
            String statusLine = readLine(socket, input, deadline, budget);
            int status = parseStatus(statusLine);
            String location = null;
            for (String line = readLine(socket, input, deadline, budget); !line.isEmpty(); line = readLine(socket, input, deadline,
                    budget)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("location")) {
                    location = line.substring(colon + 1).trim();
                }
            }
            // 1xx responses are interim; the final response follows on the same connection.
            if (status >= 200) {
                return new Response(status, location);
            }
        }
    }

    private static int parseStatus(String statusLine) throws ProtocolException {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || parts[1].length() != 3
                || !parts[1].chars().allMatch(Character::isDigit)) {
            throw new ProtocolException("malformed HTTP status line: " + abbreviate(statusLine));
        }
        int status = Integer.parseInt(parts[1]);
        if (status < 100) {
            throw new ProtocolException("invalid HTTP status " + status);
        }
        return status;
    }

    private static String readLine(Socket socket, InputStream input, long deadline, int[] budget) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            socket.setSoTimeout(remainingMillis(deadline));
            int next = input.read();
            if (next < 0) {
                throw new ProtocolException("connection closed before the end of the response head");
            }
            if (--budget[0] < 0) {
                throw new ProtocolException("response head larger than " + MAX_HEAD_BYTES + " bytes");
            }
            if (next == '\n') {
                int length = line.length();
                return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
            }
            line.append((char) next);
        }
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new SocketTimeoutException("read timed out");
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining / 1_000_000));
    }

    private static String abbreviate(@Nullable String text) {
        String value = String.valueOf(text);
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }

    /** Opens a connection to a resolved address; the host is for TLS and never resolved again. */
    @FunctionalInterface
    interface Connector {
        Socket open(InetAddress address, String host, int connectTimeoutMillis) throws IOException;
    }
}
