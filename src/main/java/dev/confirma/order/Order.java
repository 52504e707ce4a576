package dev.confirma.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A checkout: what the shop asked to be paid and where the payment stands. Its
 * {@code paymentStatus} changes only through {@link OrderStateMachine}.
 */
@Entity
@Table(name = "orders")
public class Order extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "store_id", nullable = false)
    public String storeId;

    @Column(name = "ecommerce_order_id", nullable = false)
    public String ecommerceOrderId;

    @Column(name = "ecommerce_type", nullable = false)
    public String ecommerceType;

    @Column(name = "order_total", nullable = false, precision = 38, scale = 18)
    public BigDecimal orderTotal;

    @Column(name = "order_currency", nullable = false)
    public String orderCurrency;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_status", nullable = false)
    private PaymentStatus paymentStatus;

    /** Kept equal to ecommerceOrderId while unpaid so the database allows one unpaid order per shop order. */
    @Column(name = "open_ecommerce_order_id")
    private String openEcommerceOrderId;

    /** Order lifecycle after payment (fulfilment); {@code open} until the Orders API moves it. */
    @Column(nullable = false)
    public String status;

    @Column(name = "callback_url", nullable = false)
    public String callbackUrl;

    @Column(name = "cancel_return_url")
    public String cancelReturnUrl;

    @Column(name = "success_return_url")
    public String successReturnUrl;

    @Embedded
    public DeliveryInfo deliveryInfo;

    @Column(name = "store_markup_percentage", nullable = false, precision = 9, scale = 4)
    public BigDecimal storeMarkupPercentage;

    @Column(name = "store_discount_percentage", nullable = false, precision = 9, scale = 4)
    public BigDecimal storeDiscountPercentage;

    @Column(name = "payment_method")
    public String paymentMethod;

    @Column
    public String blockchain;

    @Column(name = "transaction_hash")
    public String transactionHash;

    @Column(name = "converted_total", precision = 38, scale = 18)
    public BigDecimal convertedTotal;

    @Column(name = "amount_received", precision = 38, scale = 18)
    public BigDecimal amountReceived;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    long version;

    public PaymentStatus paymentStatus() {
        return paymentStatus;
    }

    /** Sets the status and keeps the one-unpaid-order-per-shop-order key in step. */
    void setPaymentStatus(PaymentStatus status) {
        this.paymentStatus = status;
        this.openEcommerceOrderId = status.isUnpaid() ? ecommerceOrderId : null;
    }

    public static Optional<Order> findForStore(String orderId, String storeId) {
        if (orderId == null || orderId.length() > 64) {
            return Optional.empty();
        }
        return Order.<Order>findByIdOptional(orderId).filter(order -> order.storeId.equals(storeId));
    }

    public static Optional<Order> findUnpaid(String storeId, String ecommerceOrderId) {
        return Order.find("storeId = ?1 and openEcommerceOrderId = ?2", storeId, ecommerceOrderId).firstResultOptional();
    }
}
