package dev.confirma.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Objects;

/** A line of an order made through the merchant API: what was sold, how many, at what unit price. */
@Entity
@Table(name = "order_items")
public class OrderItem extends PanacheEntityBase {

    @EmbeddedId
    Key key;

    @Column(nullable = false)
    public String sku;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "unit_price", nullable = false, precision = 38, scale = 18)
    public BigDecimal unitPrice;

    @Column
    public String description;

    protected OrderItem() {
    }

    public OrderItem(String orderId, int line, String sku, int quantity, BigDecimal unitPrice, String description) {
        this.key = new Key(orderId, line);
        this.sku = sku;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.description = description;
    }

    /** quantity × unit price, exact. */
    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    /** The items of each of these orders, in their order: one query for a page of orders. */
    public static Map<String, List<OrderItem>> forOrders(Collection<String> orderIds) {
        List<OrderItem> items = find("key.orderId in ?1 order by key.orderId, key.line", orderIds).list();
        return items.stream().collect(Collectors.groupingBy(item -> item.key.orderId, LinkedHashMap::new, Collectors.toList()));
    }

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "order_id", nullable = false)
        String orderId;

        @Column(name = "line_no", nullable = false)
        int line;

        protected Key() {
        }

        Key(String orderId, int line) {
            this.orderId = orderId;
            this.line = line;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.line == line && k.orderId.equals(orderId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, line);
        }
    }
}
