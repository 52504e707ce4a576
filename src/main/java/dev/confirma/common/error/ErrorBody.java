package dev.confirma.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The contract's error JSON: {@code {"message", "status": "failed", "error": {code, message, field?}}}. */
public record ErrorBody(String message, String status, Detail error) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String code, String message, String field) {
    }

    public static ErrorBody of(String code, String message, String field) {
        return new ErrorBody(message, "failed", new Detail(code, message, field));
    }
}
