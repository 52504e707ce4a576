package dev.confirma.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Refuses request bodies over {@link #MAX_BODY_BYTES} with the contract's JSON error. A
 * declared Content-Length is checked here before the body is read; a chunked body is
 * counted while it is parsed ({@link BodySizeLimit}). The HTTP layer's own, larger limit
 * ({@code quarkus.http.limits.max-body-size}) stays as the outer backstop.
 */
@Singleton
public class OversizedBodies {

    /** Plugin requests are a few KiB; 64 KiB leaves room and bounds what is parsed. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final byte[] tooLarge;
    private final byte[] tooLargeProblem;

    OversizedBodies(ObjectMapper json) throws JsonProcessingException {
        this.tooLarge = json.writeValueAsBytes(ErrorBody.of("payload_too_large", tooLargeMessage(), null));
        this.tooLargeProblem = json.writeValueAsBytes(Problem.of(413, ErrorBody.of("payload_too_large", tooLargeMessage(), null)));
    }

    static String tooLargeMessage() {
        return "Request body is larger than " + MAX_BODY_BYTES / 1024 + " KiB";
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkDeclaredLength);
    }

    private void checkDeclaredLength(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredTooLarge(length)) {
            boolean problem = Problem.spokenAt(ctx.request().path());
            ctx.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, problem ? Problem.MEDIA_TYPE.toString() : "application/json")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(Buffer.buffer(problem ? tooLargeProblem : tooLarge));
            return;
        }
        ctx.next();
    }

    private static boolean declaredTooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > MAX_BODY_BYTES;
        } catch (NumberFormatException malformed) {
            return false; // the HTTP layer rejects a malformed Content-Length itself
        }
    }
}
