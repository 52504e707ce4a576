package dev.confirma.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what one logger writes, so a test can check that a fault was logged and how. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    /** A captured message with its level and logger, for tests that check how a fault was reported. */
    public record Line(java.util.logging.Level level, String logger, String message) {
    }

    private LogCapture(Logger logger) {
        this.logger = logger;
    }

    public static LogCapture of(Class<?> source) {
        return named(source.getName());
    }

    /** Everything every logger writes (the root logger's view), to prove what is never logged. */
    public static LogCapture everything() {
        return named("");
    }

    private static LogCapture named(String name) {
        LogCapture capture = new LogCapture(Logger.getLogger(name));
        capture.logger.addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        String message = record.getMessage();
        Object[] params = record.getParameters();
        if (params != null && params.length > 0 && message != null && message.contains("%")) {
            message = String.format(message, params);
        }
        // what a log line prints of an error is in the record too
        for (Throwable thrown = record.getThrown(); thrown != null; thrown = thrown.getCause()) {
            message = message + " | " + thrown;
        }
        messages.add(message);
        lines.add(new Line(record.getLevel(), record.getLoggerName(), message));
    }

    /** The messages logged at exactly this level (JBoss WARN is JUL WARNING, INFO is INFO). */
    public List<String> messagesAt(java.util.logging.Level level) {
        return lines.stream().filter(line -> line.level().intValue() == level.intValue()).map(Line::message).toList();
    }

    public boolean contains(String text) {
        return messages.stream().anyMatch(m -> m != null && m.contains(text));
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
