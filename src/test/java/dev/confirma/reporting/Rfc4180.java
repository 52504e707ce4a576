package dev.confirma.reporting;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A strict RFC 4180 reader for the tests: CRLF rows, quoted fields; anything else is an error. */
final class Rfc4180 {

    private Rfc4180() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        read(new StringReader(text), rows::add);
        return rows;
    }

    /** The field as the writer must show it: with a leading ' when a spreadsheet would read a formula. */
    static String neutralised(String value) {
        if (value.matches("-?\\d+(\\.\\d+)?")) {
            return value; // a plain number stays one
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }

    /** Reads row by row, handing each to {@code sink}: constant memory for any number of rows. */
    static void read(Reader in, Consumer<List<String>> sink) {
        try {
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int c = in.read();
            if (c < 0) {
                return;
            }
            while (true) {
                if (c == '"') {
                    while (true) {
                        c = in.read();
                        if (c < 0) {
                            throw new IllegalArgumentException("unterminated quoted field");
                        }
                        if (c == '"') {
                            c = in.read();
                            if (c != '"') {
                                break;
                            }
                        }
                        field.append((char) c);
                    }
                } else {
                    while (c >= 0 && c != ',' && c != '\r' && c != '\n') {
                        if (c == '"') {
                            throw new IllegalArgumentException("a quote inside an unquoted field");
                        }
                        field.append((char) c);
                        c = in.read();
                    }
                }
                row.add(field.toString());
                field.setLength(0);
                if (c == ',') {
                    c = in.read();
                    continue;
                }
                if (c == '\r') {
                    if (in.read() != '\n') {
                        throw new IllegalArgumentException("CR without LF");
                    }
                    sink.accept(row);
                    row = new ArrayList<>();
                    c = in.read();
                    if (c < 0) {
                        return;
                    }
                    continue;
                }
                throw new IllegalArgumentException(c < 0 ? "the last row has no CRLF" : "a bare LF ends a row");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
