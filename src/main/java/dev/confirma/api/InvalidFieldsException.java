package dev.confirma.api;

import dev.confirma.common.error.Problem;
import java.util.List;

/** A request with one or more invalid fields, all of them named; nothing was changed. */
public class InvalidFieldsException extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public InvalidFieldsException(List<Problem.FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are invalid: "
                + String.join("; ", errors.stream().map(Problem.FieldError::message).toList()), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
