package dev.confirma.common.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Turns a Jackson parse failure into a short, class-name-free reason for the client. */
final class JsonErrors {

    private JsonErrors() {
    }

    static String describe(JsonProcessingException e) {
        String reason = e.getOriginalMessage();
        if (reason == null || reason.isBlank()) {
            reason = "unreadable input";
        }
        // Jackson's messages may quote Java types ("Cannot construct instance of `x.y.Z`"): cut them.
        int backtick = reason.indexOf('`');
        if (backtick >= 0) {
            reason = "unexpected value";
        }
        int newline = reason.indexOf('\n');
        if (newline > 0) {
            reason = reason.substring(0, newline);
        }
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            return reason + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }
        return reason;
    }
}
