package dev.confirma.chain;

/** No endpoint of a chain answered: the watcher waits and tries again; nothing is decided. */
public class ChainUnavailableException extends RuntimeException {

    public ChainUnavailableException(String message) {
        super(message);
    }
}
