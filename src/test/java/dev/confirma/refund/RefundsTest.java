package dev.confirma.refund;

import static dev.confirma.support.Fixtures.checkout;
import static dev.confirma.support.Fixtures.postCheckout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.chain.watch.ChainWatcher;
import dev.confirma.common.DomainException;
import dev.confirma.common.error.ApiException;
import dev.confirma.order.Actor;
import dev.confirma.order.InvalidLifecycleTransitionException;
import dev.confirma.order.LifecycleStatus;
import dev.confirma.order.Order;
import dev.confirma.order.OrderTimeline;
import dev.confirma.rates.MarketRates;
import dev.confirma.support.AnvilNodes;
import dev.confirma.support.CeloScene;
import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.TestChains;
import dev.confirma.support.TestClockProducer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refunds verified against real transactions on the local Celo node (depth 10). Orders are
 * paid for real first: a 12.50 USD order is due 25 CELO or 12.5 USDC (6 decimals).
 */
@QuarkusTest
class RefundsTest {

    private static final Actor STORE_KEY = Actor.key("ck_test_refunds");
    private static final int DEPTH = 10;

    @Inject
    Refunds refunds;

    @Inject
    ChainWatcher watcher;

    @Inject
    MarketRates rates;

    @Inject
    OrderTimeline timeline;

    private TestStore store;
    private String wallet;
    private String customer;

    @BeforeEach
    void paidStore() {
        wallet = Fixtures.randomAddress();
        customer = Fixtures.randomAddress();
        store = CeloScene.caughtUpStore(watcher, rates, "Refunds", wallet);
    }

    /** An order paid in full in {@code asset} and confirmed by the chain; its amount due in base units is {@code due[0]}. */
    private String paidOrder(String asset, BigInteger[] due) {
        JsonPath order = postCheckout(store, checkout(store)).statusCode(200).extract().jsonPath();
        String id = order.getString("id");
        due[0] = new BigInteger(order.getString("quotes.find { it.asset == '" + asset + "' }.amountBaseUnits"));
        String hash = asset.equals("CELO") ? AnvilNodes.CELO.pay(wallet, due[0]) : AnvilNodes.CELO.payToken(asset, wallet, due[0]);
        store.asPlugin().body(Map.of("transactionHash", hash, "blockchain", "CELO", "paymentMethod", asset))
                .put("/plugins/checkout/" + id).then().statusCode(200);
        AnvilNodes.CELO.mine(DEPTH);
        watcher.poll(TestChains.CELO);
        assertEquals(LifecycleStatus.PAID, lifecycle(id));
        return id;
    }

    private String paidOrder(String asset) {
        return paidOrder(asset, new BigInteger[1]);
    }

    private static LifecycleStatus lifecycle(String orderId) {
        return QuarkusTransaction.requiringNew().call(() -> Order.<Order>findById(orderId).lifecycleStatus());
    }

    private RefundView refund(String order, String amount, String asset, String to, String hash) {
        return refunds.request(order, store.id(), new RefundRequest(new BigDecimal(amount), asset, to, Optional.ofNullable(hash)),
                STORE_KEY);
    }

    private static void deep(int confirmationsSoFar) {
        AnvilNodes.CELO.mine(DEPTH - confirmationsSoFar);
    }

    @Test
    void shouldRefundAnOrderWhenANativeRefundDeepEnoughCoversIt() {
        String order = paidOrder("CELO");
        String hash = AnvilNodes.CELO.pay(customer, new BigInteger("25000000000000000000"));
        deep(1);

        RefundView refund = refund(order, "25", "CELO", customer.toLowerCase(), hash);

        assertEquals(RefundStatus.VERIFIED, refund.status());
        assertEquals(hash, refund.transactionHash());
        assertEquals(customer, refund.toAddress());
        assertEquals(LifecycleStatus.REFUNDED, lifecycle(order));
        assertTrue(refunds.covered(order));
        OrderTimeline.Step last = QuarkusTransaction.requiringNew().call(() -> {
            List<OrderTimeline.Step> steps = timeline.of(List.of(Order.<Order>findById(order))).get(order);
            return steps.get(steps.size() - 1);
        });
        assertEquals(LifecycleStatus.REFUNDED, last.status());
        assertEquals("chain", last.actor());
        assertTrue(last.reason().contains(hash), last.reason());
    }

    @Test
    void shouldCountACeloTransferThroughItsTokenContractAsCelo() {
        String order = paidOrder("CELO");
        String hash = AnvilNodes.CELO.payThroughNativeTokenInterface(customer, new BigInteger("25000000000000000000"));
        deep(1);

        assertEquals(RefundStatus.VERIFIED, refund(order, "25", "CELO", customer, hash).status());
        assertEquals(LifecycleStatus.REFUNDED, lifecycle(order));
    }

    @Test
    void shouldListPartialTokenRefundsAndRefundTheOrderWhenTheSecondCoversIt() {
        String order = paidOrder("USDC");
        String first = AnvilNodes.CELO.payToken("USDC", customer, BigInteger.valueOf(6_000_000));
        deep(1);

        assertEquals(RefundStatus.VERIFIED, refund(order, "6", "USDC", customer, first).status());
        assertEquals(LifecycleStatus.PAID, lifecycle(order));
        assertFalse(refunds.covered(order));

        TestClockProducer.clock().advance(java.time.Duration.ofMinutes(1)); // listed oldest first: the second is later
        String second = AnvilNodes.CELO.payToken("USDC", customer, BigInteger.valueOf(6_500_000));
        deep(1);
        assertEquals(RefundStatus.VERIFIED, refund(order, "6.5", "USDC", customer, second).status());

        List<RefundView> listed = refunds.of(order);
        assertEquals(List.of(first, second), listed.stream().map(RefundView::transactionHash).toList());
        assertEquals(List.of(new BigDecimal("6"), new BigDecimal("6.5")), listed.stream().map(RefundView::amount).toList());
        assertTrue(refunds.covered(order));
        assertEquals(LifecycleStatus.REFUNDED, lifecycle(order));
    }

    @Test
    void shouldLeaveTheOrderPaidWhenRefundsFallShortByOneBaseUnit() {
        BigInteger[] due = new BigInteger[1];
        String order = paidOrder("USDC", due);
        BigInteger short1 = due[0].subtract(BigInteger.ONE);
        String hash = AnvilNodes.CELO.payToken("USDC", customer, short1);
        deep(1);

        assertEquals(RefundStatus.VERIFIED, refund(order, new BigDecimal(short1, 6).toPlainString(), "USDC", customer, hash).status());
        assertFalse(refunds.covered(order));
        assertEquals(LifecycleStatus.PAID, lifecycle(order));
    }

    @Test
    void shouldRefuseARefundWhoseTransactionPaysSomeoneElse() {
        String order = paidOrder("USDC");
        String hash = AnvilNodes.CELO.payToken("USDC", Fixtures.randomAddress(), BigInteger.valueOf(12_500_000));
        deep(1);
        DatabaseSnapshot before = DatabaseSnapshot.take();

        ApiException refused = assertThrows(ApiException.class, () -> refund(order, "12.5", "USDC", customer, hash));

        assertEquals(422, refused.status());
        assertEquals("transaction_hash", refused.field());
        assertTrue(refused.getMessage().contains("sends 12.5 USDC to 0x"), refused.getMessage());
        before.assertUnchanged();
        assertEquals(LifecycleStatus.PAID, lifecycle(order));
    }

    @Test
    void shouldRefuseARefundWhoseTransactionSendsLessOrAnotherToken() {
        String order = paidOrder("USDC");
        String less = AnvilNodes.CELO.payToken("USDC", customer, BigInteger.valueOf(12_499_999));
        String otherToken = AnvilNodes.CELO.payToken("USDT", customer, BigInteger.valueOf(12_500_000));
        DatabaseSnapshot before = DatabaseSnapshot.take();

        assertEquals("transaction_hash", assertThrows(ApiException.class, () -> refund(order, "12.5", "USDC", customer, less)).field());
        ApiException other = assertThrows(ApiException.class, () -> refund(order, "12.5", "USDC", customer, otherToken));
        assertTrue(other.getMessage().contains("moves no USDC"), other.getMessage());
        before.assertUnchanged();
    }

    @Test
    void shouldRefuseAHashAlreadyCountedForARefundOfThisOrAnotherOrder() {
        String order = paidOrder("USDC");
        String another = paidOrder("USDC");
        String hash = AnvilNodes.CELO.payToken("USDC", customer, BigInteger.valueOf(1_000_000));
        deep(1);
        refund(order, "1", "USDC", customer, hash);

        DomainException again = assertThrows(TransactionAlreadyRefundedException.class,
                () -> refund(order, "1", "USDC", customer, hash.toUpperCase().replace("0X", "0x")));
        assertEquals(DomainException.Kind.CONFLICT, again.kind());
        assertEquals("transaction_already_refunded", again.code());
        assertThrows(TransactionAlreadyRefundedException.class, () -> refund(another, "1", "USDC", customer, hash));
        assertEquals(1, refunds.of(order).size());
        assertEquals(0, refunds.of(another).size());
    }

    @Test
    void shouldLetOneOfTwoRefundsWithOneHashAtOnceWin() throws Exception {
        List<String> orders = List.of(paidOrder("USDC"), paidOrder("USDC"));
        String hash = AnvilNodes.CELO.payToken("USDC", customer, BigInteger.valueOf(1_000_000));
        deep(1);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<RefundView>> racing = new ArrayList<>();
        for (String order : orders) {
            racing.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return refund(order, "1", "USDC", customer, hash);
            }));
        }
        start.countDown();
        int won = 0;
        int refused = 0;
        for (CompletableFuture<RefundView> one : racing) {
            try {
                assertEquals(RefundStatus.VERIFIED, one.get(60, TimeUnit.SECONDS).status());
                won++;
            } catch (ExecutionException e) {
                assertInstanceOf(TransactionAlreadyRefundedException.class, e.getCause());
                refused++;
            }
        }
        assertEquals(1, won);
        assertEquals(1, refused);
    }

    @Test
    void shouldKeepARefundPendingUntilItsTransactionIsDeepEnough() {
        String order = paidOrder("CELO");
        String hash = AnvilNodes.CELO.pay(customer, new BigInteger("25000000000000000000"));

        RefundView pending = refund(order, "25", "CELO", customer, hash);
        assertEquals(RefundStatus.PENDING, pending.status());
        assertEquals("1 of 10 confirmations", pending.reason());
        AnvilNodes.CELO.mine(DEPTH - 2);
        refunds.checkPending();
        assertEquals(RefundStatus.PENDING, refunds.of(order).get(0).status());
        assertEquals(LifecycleStatus.PAID, lifecycle(order));

        AnvilNodes.CELO.mine(1);
        assertTrue(refunds.checkPending() >= 1);
        RefundView verified = refunds.of(order).get(0);
        assertEquals(RefundStatus.VERIFIED, verified.status());
        assertTrue(verified.verifiedAt() != null);
        assertEquals(LifecycleStatus.REFUNDED, lifecycle(order));
    }

    @Test
    void shouldRecordARefundPendingWhenTheChainCannotBeReadAndVerifyItOnceItCan() {
        String order = paidOrder("USDC");
        String hash = AnvilNodes.CELO.payToken("USDC", customer, BigInteger.valueOf(12_500_000));
        deep(1);
        RefundView pending;
        AnvilNodes.CELO_PROXY.cut();
        try {
            pending = refund(order, "12.5", "USDC", customer, hash);
            assertEquals(0, refunds.checkPending()); // still unreadable: a delay, never a decision
        } finally {
            AnvilNodes.CELO_PROXY.restore();
        }

        assertEquals(RefundStatus.PENDING, pending.status());
        assertTrue(refunds.checkPending() >= 1);
        assertEquals(RefundStatus.VERIFIED, refunds.of(order).get(0).status());
        assertEquals(LifecycleStatus.REFUNDED, lifecycle(order));
    }

    @Test
    void shouldListAPendingRefundAsRejectedOnceItsTransactionShowsAnotherRecipient() {
        String order = paidOrder("USDC");
        String hash = AnvilNodes.CELO.payToken("USDC", Fixtures.randomAddress(), BigInteger.valueOf(12_500_000));
        AnvilNodes.CELO_PROXY.cut();
        try {
            assertEquals(RefundStatus.PENDING, refund(order, "12.5", "USDC", customer, hash).status());
        } finally {
            AnvilNodes.CELO_PROXY.restore();
        }

        refunds.checkPending();

        RefundView rejected = refunds.of(order).get(0);
        assertEquals(RefundStatus.REJECTED, rejected.status());
        assertTrue(rejected.reason().contains("does not send 12.5 USDC to " + customer), rejected.reason());
        assertEquals(null, rejected.verifiedAt());
        assertFalse(refunds.covered(order));
        assertEquals(LifecycleStatus.PAID, lifecycle(order));
    }

    @Test
    void shouldKeepARefundOfATransactionNotMinedPending() {
        String order = paidOrder("USDC");
        String unknown = Fixtures.randomTxHash();

        assertEquals(RefundStatus.PENDING, refund(order, "12.5", "USDC", customer, unknown).status());
        AnvilNodes.CELO.mine(DEPTH);
        refunds.checkPending();
        assertEquals(RefundStatus.PENDING, refunds.of(order).get(0).status());
        assertEquals("the transaction is not mined yet", refunds.of(order).get(0).reason());
        assertEquals(LifecycleStatus.PAID, lifecycle(order));
    }

    @Test
    void shouldRecordARefundWithoutHashAsUnverifiedAndLeaveTheOrderWaiting() {
        String order = paidOrder("USDC");

        RefundView refund = refund(order, "12.5", "USDC", customer, null);

        assertEquals(RefundStatus.UNVERIFIED, refund.status());
        assertEquals(null, refund.transactionHash());
        assertFalse(refunds.covered(order));
        assertEquals(LifecycleStatus.PAID, lifecycle(order));
    }

    @Test
    void shouldRefuseARefundOfAnOrderNotPaid() {
        String order = Fixtures.createOrder(store);
        DatabaseSnapshot before = DatabaseSnapshot.take();

        InvalidLifecycleTransitionException refused = assertThrows(InvalidLifecycleTransitionException.class,
                () -> refund(order, "12.5", "USDC", customer, null));

        assertEquals(DomainException.Kind.CONFLICT, refused.kind());
        assertEquals(LifecycleStatus.CREATED, refused.from());
        before.assertUnchanged();
    }

    @Test
    void shouldRefuseBadFieldsNamingThemAndStoreNothing() {
        String order = paidOrder("USDC");
        String hash = AnvilNodes.CELO.payToken("USDC", customer, BigInteger.valueOf(12_500_000));
        DatabaseSnapshot before = DatabaseSnapshot.take();

        assertField("amount", () -> refund(order, "0", "USDC", customer, hash));
        assertField("amount", () -> refund(order, "-1", "USDC", customer, hash));
        assertField("amount", () -> refund(order, "1.0000001", "USDC", customer, hash));
        assertField("asset", () -> refund(order, "12.5", "cUSD", customer, hash));
        assertField("asset", () -> refund(order, "12.5", "DOGE", customer, hash));
        assertField("to_address", () -> refund(order, "12.5", "USDC", "0x1234", hash));
        assertField("to_address", () -> refund(order, "12.5", "USDC",
                "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", hash)); // one letter off its EIP-55 case
        assertField("transaction_hash", () -> refund(order, "12.5", "USDC", customer, "0x1234"));
        assertField("transaction_hash", () -> refund(order, "12.5", "USDC", customer, hash.substring(0, 65) + "g"));
        assertField("amount", () -> refunds.request(order, store.id(), new RefundRequest(null, "USDC", customer, Optional.empty()),
                STORE_KEY));
        before.assertUnchanged();
    }

    private static void assertField(String field, org.junit.jupiter.api.function.Executable call) {
        ApiException refused = assertThrows(ApiException.class, call);
        assertEquals(field, refused.field(), refused.getMessage());
        assertTrue(refused.status() >= 400 && refused.status() < 500);
    }
}
