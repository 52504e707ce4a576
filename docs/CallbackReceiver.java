import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A shop's callback endpoint for trying Confirma out on one machine: prints every callback
 * it receives (signature header and body) and answers 200. Run it with the JDK alone:
 * {@code java docs/CallbackReceiver.java 9000}. Not for production: it checks no signature.
 */
public class CallbackReceiver {

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9000;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            System.out.println(exchange.getRequestMethod() + " " + exchange.getRequestURI()
                    + " webhook-id=" + exchange.getRequestHeaders().getFirst("webhook-id")
                    + " x-webhook-signature=" + exchange.getRequestHeaders().getFirst("x-webhook-signature"));
            System.out.println(body);
            System.out.flush();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        System.out.println("Listening for callbacks on http://127.0.0.1:" + port + "/");
    }
}
