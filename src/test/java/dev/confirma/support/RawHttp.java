package dev.confirma.support;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Requests with exactly the bytes and headers given, which rest-assured will not send: no
 * Content-Type at all, malformed UTF-8, a path already percent-encoded.
 */
public final class RawHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Confirma's body limit (OversizedBodies.MAX_BODY_BYTES). */
    private static final int OVERSIZE = 64 * 1024;

    private RawHttp() {
    }

    /** What came back: the status, the Content-Type and the body as text. */
    public record Answer(int status, String contentType, String body) {
        public JsonPath json() {
            return JsonPath.from(body);
        }
    }

    /** {@code body} null sends none; {@code pathAndQuery} must already be a valid, encoded URI part. */
    public static Answer send(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response;
            try {
                response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException closedBeforeAnswer) {
                // a pooled connection the server has just closed (after refusing an oversize body) fails before the
                // request leaves; the JDK retries only idempotent methods itself, so every method is retried once here
                response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + pathAndQuery + " with " + (body == null ? "no" : body.length + " bytes of")
                    + " body failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Like {@link #send}, but empty when the server closed the connection before answering: what
     * a client still sending a body over the size limit sees when the server has refused it from
     * its Content-Length (the 413 it wrote is lost with the connection).
     */
    public static Optional<Answer> sendUnlessClosed(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        try {
            return Optional.of(send(method, pathAndQuery, headers, body));
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof IOException && body != null && body.length > OVERSIZE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public static Answer send(String method, String pathAndQuery, Map<String, String> headers, String body) {
        return send(method, pathAndQuery, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }
}
