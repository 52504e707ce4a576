package dev.confirma.api;

import dev.confirma.common.error.Problem;
import dev.confirma.common.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads a request's fields one by one and keeps every field's refusal, so the answer names all
 * of them at once. A refusal that names no field (the body is not JSON at all) ends the reading.
 */
final class FieldErrors {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    /** The field's value, or empty when it is refused (the refusal is kept). */
    <T> Optional<T> read(Supplier<T> reader) {
        try {
            return Optional.ofNullable(reader.get());
        } catch (ApiException refused) {
            if (refused.field() == null) {
                throw refused;
            }
            errors.add(new Problem.FieldError(refused.field(), refused.getMessage()));
            return Optional.empty();
        }
    }

    <T> Optional<T> readOptional(Supplier<Optional<T>> reader) {
        return read(reader).flatMap(value -> value);
    }

    void refuse(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws the refusals kept, if any. */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
    }
}
