package dev.confirma.privacy;

/** What an erasure changed: orders, stored callback bodies, other stored copies (API answers). */
public record Erased(int orders, int deliveries, int storedAnswers) {

    public static final Erased NOTHING = new Erased(0, 0, 0);

    public Erased plus(Erased other) {
        return new Erased(orders + other.orders, deliveries + other.deliveries, storedAnswers + other.storedAnswers);
    }

    /** The audit log's detail: counts only. */
    String detail() {
        return "{\"orders_erased\":" + orders + ",\"deliveries_scrubbed\":" + deliveries + ",\"stored_answers_scrubbed\":"
                + storedAnswers + "}";
    }
}
