package dev.confirma.common.error;

/**
 * The one exception family that reaches clients: an HTTP status, a stable error code, a
 * message that tells the caller what to fix, and optionally the request field at fault.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    public ApiException(int status, String code, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiException missingField(String field) {
        return new ApiException(400, "missing_field", field + " is required", field);
    }

    public static ApiException invalidField(String field, String message) {
        return new ApiException(400, "invalid_field", message, field);
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message, null);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message, null);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message, null);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message, null);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message, null);
    }

    public static ApiException unprocessable(String code, String message) {
        return new ApiException(422, code, message, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
