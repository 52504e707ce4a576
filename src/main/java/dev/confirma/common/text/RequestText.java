package dev.confirma.common.text;

import java.util.Optional;

/**
 * The text Confirma accepts from a client, in a body or a URI: Unicode characters without
 * control characters. Tab, line feed and carriage return pass (a shop's address field may hold
 * a line break); NUL, the other C0 and C1 controls, DEL and lone UTF-16 surrogates do not:
 * they break databases (PostgreSQL refuses NUL), logs and the receivers of callbacks.
 */
public final class RequestText {

    private RequestText() {
    }

    /** Why {@code text} is refused, or empty when it is acceptable. */
    public static Optional<String> problem(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a surrogate pair: one character outside the BMP
            } else if (Character.isSurrogate(c)) {
                return Optional.of("holds a lone UTF-16 surrogate (" + codePoint(c) + "), which is no Unicode character");
            } else if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of("holds a control character (" + codePoint(c) + "); only tab, line feed and carriage return are allowed");
            }
        }
        return Optional.empty();
    }

    /** {@code text} with every refused character written as {@code \}{@code uXXXX}, safe to quote back in an error. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || Character.getType(c) == Character.CONTROL) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
