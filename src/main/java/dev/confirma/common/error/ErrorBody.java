package dev.confirma.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's error JSON: {@code {"message", "status": "failed", "error": {code, message, field?}}}. */
@Schema(description = "Every 4xx and 5xx outside /v1 (CONTRACT §3, Errors).")
public record ErrorBody(
        @Schema(description = "What was refused and what to fix, in words.") String message,
        @Schema(enumeration = "failed") String status,
        Detail error) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ErrorDetail")
    public record Detail(
            @Schema(description = "A stable reason a program can act on: invalid_field, not_found, unauthorized, …") String code,
            String message,
            @Schema(description = "The field or query parameter at fault, where there is one: deliveryInfo.email, wallets[0].address.")
            String field) {
    }

    public static ErrorBody of(String code, String message, String field) {
        return new ErrorBody(message, "failed", new Detail(code, message, field));
    }
}
