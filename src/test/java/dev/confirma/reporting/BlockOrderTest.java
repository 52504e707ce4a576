package dev.confirma.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** payments.csv comes out of the orders index unsorted within an order: each order's payments are put in block order. */
class BlockOrderTest {

    /** A payments row: order id at 0, log index at 7, block number at 10 (the other fields do not matter here). */
    private static List<String> payment(String order, long block, int logIndex) {
        List<String> fields = new ArrayList<>(java.util.Collections.nCopies(OrderReports.PAYMENT_COLUMNS.size(), "x"));
        fields.set(0, order);
        fields.set(7, Integer.toString(logIndex));
        fields.set(10, Long.toString(block));
        return fields;
    }

    @Test
    void shouldWriteEachOrdersPaymentsByBlockThenLogIndexKeepingTheOrdersInTurn() throws Exception {
        List<String> written = new ArrayList<>();
        OrderReports.BlockOrder sink = new OrderReports.BlockOrder(fields -> written.add(fields.get(0) + "@" + fields.get(10) + "/" + fields.get(7)));
        sink.row(payment("a", 12, 3));
        sink.row(payment("a", 9, -1));
        sink.row(payment("a", 12, 1));
        sink.row(payment("b", 5, 0));
        sink.row(payment("c", 8, 2));
        sink.row(payment("c", 7, 4));
        sink.end();
        assertEquals(List.of("a@9/-1", "a@12/1", "a@12/3", "b@5/0", "c@7/4", "c@8/2"), written);
        sink.end();
        assertEquals(6, written.size(), "an end with nothing waiting writes nothing");
    }
}
