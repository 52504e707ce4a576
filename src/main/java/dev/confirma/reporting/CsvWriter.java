package dev.confirma.reporting;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 rows: CRLF line ends; a field holding a comma, a double quote, CR or LF is
 * quoted, its quotes doubled. A field a spreadsheet would read as a formula (starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, tab or CR) gets a leading {@code '} first (OWASP's
 * advice against CSV injection) — every field alike, so a negative number would be shown as text;
 * the reports hold none. Null is an empty field.
 */
public final class CsvWriter {

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void row(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    public void row(String... fields) throws IOException {
        row(java.util.Arrays.asList(fields));
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** One field as written: neutralised, then quoted when it must be. */
    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = startsLikeAFormula(value) ? "'" + value : value;
        // ; and tab too: a spreadsheet whose list separator is ; (de, fr, pt-BR) splits there, and the cell after would start bare
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\r') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf(';') >= 0 || safe.indexOf('\t') >= 0;
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    /** A plain number (-1, the log index of a native transfer) is no formula, and stays a number. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");

    static boolean startsLikeAFormula(String value) {
        if (NUMBER.matcher(value).matches()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
