package dev.confirma.rates.provider;

/** A provider gave no usable answer: down, slow, refusing, or answering nonsense. */
public class RateProviderException extends RuntimeException {

    public RateProviderException(String message) {
        super(message);
    }

    public RateProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
