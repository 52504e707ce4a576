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

    /** Where the order stands in the merchant's business; moved only by {@link OrderStateMachine}. */
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private LifecycleStatus lifecycleStatus;

    /** The status a held or disputed order came from: where its release or resolution returns it. */
    @Enumerated(EnumType.STRING)
    @Column(name = "lifecycle_before")
    private LifecycleStatus lifecycleBefore;

    /** Who created it: the key's prefix, as the first entry of its timeline. */
    @Column(name = "created_by", nullable = false)
    String createdBy;

    /** Null for an order made through the merchant API without one: it gets no plugin callbacks. */
    @Column(name = "callback_url")
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

    /** Until when a payment still counts: expiresAt plus the late-payment window. */
    @Column(name = "monitored_until", nullable = false)
    public Instant monitoredUntil;

    /** Cancelled because nothing was paid before expiresAt; a late payment may still reopen it. */
    @Column(nullable = false)
    private boolean expired;

    /** Paid after expiresAt, inside the late-payment window. */
    @Column(nullable = false)
    public boolean late;

    /** What was unusual about the payment (partial, over, late), or null; set with each verdict of the chain. */
    @Enumerated(EnumType.STRING)
    @Column(name = "payment_exception")
    public PaymentException paymentException;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The merchant's customer reference (merchant API); null for plugin orders. */
    @Column(name = "customer_id")
    public String customerId;

    /** The items' sum, before tax and shipping; null for plugin orders, which send only a total. */
    @Column(precision = 38, scale = 18)
    public BigDecimal subtotal;

    @Column(name = "tax_amount", precision = 38, scale = 18)
    public BigDecimal taxAmount;

    @Column(name = "shipping_amount", precision = 38, scale = 18)
    public BigDecimal shippingAmount;

    /** The merchant's own key/value data, kept as the JSON text it sent. */
    @Column
    public String metadata;

    @Column
    public String carrier;

    @Column(name = "tracking_number")
    public String trackingNumber;

    /** When its personal fields were erased (a customer's request or the store's retention), or null. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    @Version
    @Column(nullable = false)
    long version;

    public PaymentStatus paymentStatus() {
        return paymentStatus;
    }

    public LifecycleStatus lifecycleStatus() {
        return lifecycleStatus;
    }

    void setLifecycleStatus(LifecycleStatus status) {
        setLifecycleStatus(status, null);
    }

    void setLifecycleStatus(LifecycleStatus status, LifecycleStatus before) {
        this.lifecycleStatus = status;
        this.lifecycleBefore = before;
    }

    public LifecycleStatus lifecycleBefore() {
        return lifecycleBefore;
    }

    public String createdBy() {
        return createdBy;
    }

    public boolean expired() {
        return expired;
    }

    void markExpired() {
        this.expired = true;
    }

    /** The store cancelled it too: no late payment reopens it any more. */
    void closeLatePaymentWindow() {
        this.expired = false;
    }

    /** Open, or cancelled only because it expired unpaid: the chain may still decide it. */
    public boolean awaitsPayment() {
        return paymentStatus.isUnpaid() || expired && paymentStatus == PaymentStatus.CANCELLED;
    }

    /**
     * Whether a payment made at {@code paidAt} may count for this order: made between the order's
     * creation (less the allowed clock skew) and the end of its late-payment window, while the
     * order is open or cancelled only because it expired unpaid.
     */
    public boolean takesPaymentMadeAt(Instant paidAt, java.time.Duration clockSkew) {
        return awaitsPayment() && !paidAt.isBefore(createdAt.minus(clockSkew)) && !paidAt.isAfter(monitoredUntil);
    }

    /**
     * Sets the status and keeps the one-unpaid-order-per-shop-order key in step. An expired order
     * reopened by a late payment leaves the key to the order the shop may have created since.
     */
    void setPaymentStatus(PaymentStatus status) {
        this.paymentStatus = status;
        this.openEcommerceOrderId = status.isUnpaid() && !expired ? ecommerceOrderId : null;
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
