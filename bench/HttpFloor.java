import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The floor of any HTTP answer from a JVM on this machine, for bench/ratios.sh: a keep-alive
 * HTTP/1.1 responder with no framework, no pool and no database, one platform thread per connection,
 * answering every GET with the 15 bytes {@code {"status":"UP"}}. What a list costs above this is the
 * server's (Tomcat, Spring, the query, the JSON); what this costs above the bare SQL is the JVM's and
 * the machine's.
 *
 *   java bench/HttpFloor.java PORT
 */
public class HttpFloor {

    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Content-Length: 15\r\n\r\n{\"status\":\"UP\"}").getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws IOException {
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket connection = server.accept();
                connection.setTcpNoDelay(true);
                Thread.ofPlatform().daemon().start(() -> answerUntilClosed(connection));
            }
        }
    }

    /** Answers each request once its header ends (an empty line); GETs have no body. */
    private static void answerUntilClosed(Socket connection) {
        try (connection) {
            InputStream in = new BufferedInputStream(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            int lineBreaks = 0;
            int next;
            while ((next = in.read()) >= 0) {
                lineBreaks = next == '\r' || next == '\n' ? lineBreaks + 1 : 0;
                if (lineBreaks == 4) {
                    out.write(ANSWER);
                    out.flush();
                    lineBreaks = 0;
                }
            }
        } catch (IOException closed) {
            // the client went away: nothing to answer
        }
    }
}
