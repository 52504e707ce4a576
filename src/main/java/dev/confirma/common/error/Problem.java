package dev.confirma.common.error;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem, as every error under {@code /v1} (the merchant API) is answered: {@code type}, {@code title},
 * {@code status}, {@code detail}, and {@code errors} naming each invalid field. The contract's
 * common {@code message} and {@code error} members are kept beside them, for clients of both APIs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "errors", "message", "error"})
@Schema(description = "RFC 9457 problem: every 4xx and 5xx under /v1, as application/problem+json. A refusal may add members of its"
        + " own, such as current_status and allowed_statuses for a lifecycle move the order cannot make.")
public record Problem(
        @Schema(description = "urn:confirma:problem:<code>") String type,
        @Schema(description = "The HTTP status's reason phrase") String title,
        int status,
        String detail,
        @Schema(description = "Every invalid field of the request at once; absent when no field is at fault") List<FieldError> errors,
        @Schema(description = "The contract's common member: the same text as detail") String message,
        @Schema(description = "The contract's common member: code, message and the first field at fault") ErrorBody.Detail error,
        @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    /** Where errors are answered as problems: the merchant API, {@code /v1}. */
    public static boolean spokenAt(String path) {
        return path.equals("/v1") || path.startsWith("/v1/") || path.startsWith("/v1?");
    }

    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String code, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request refused" : known.getReasonPhrase();
        String field = errors.isEmpty() ? null : errors.get(0).field();
        return new Problem("urn:confirma:problem:" + code, title, status, detail, errors.isEmpty() ? null : errors, detail,
                new ErrorBody.Detail(code, detail, field), extensions);
    }

    /** The contract's common error body, re-shaped. */
    public static Problem of(int status, ErrorBody body) {
        String field = body.error().field();
        return of(status, body.error().code(), body.message(),
                field == null ? List.of() : List.of(new FieldError(field, body.error().message())), Map.of());
    }

    @JsonAnyGetter
    Map<String, Object> members() {
        return extensions;
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
