package dev.confirma.checkout;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.confirma.support.Fixtures.checkout;
import static dev.confirma.support.Fixtures.postCheckout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.confirma.chain.Protocol;
import dev.confirma.chain.watch.ChainWatcher;
import dev.confirma.rates.MarketRates;
import dev.confirma.support.AnvilNodes;
import dev.confirma.support.CeloScene;
import dev.confirma.support.Chromium;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import dev.confirma.support.TestChains;
import dev.confirma.support.TestClockProducer;
import dev.confirma.support.TestWallet;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hosted page in a real headless Chromium, paid for real on the local Celo node: by the
 * browser wallet, and by a pasted hash on a phone-sized screen. The status must change
 * without a reload; every request must stay on Confirma's origin; the console must stay
 * clean (a CSP violation is a console error). Screenshots go to {@code target/screenshots}.
 */
@QuarkusTest
class PaymentPageBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final LocatorAssertions.ContainsTextOptions WITHIN_15S = new LocatorAssertions.ContainsTextOptions().setTimeout(15_000);

    private static Chromium chromium;

    @TestHTTPResource("/")
    URL base;

    @Inject
    ChainWatcher watcher;

    @Inject
    MarketRates rates;

    private TestStore store;
    private String wallet;
    private BrowserContext context;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> consoleErrors = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startChromium() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void storeAndCaughtUpWatcher() {
        wallet = Fixtures.randomAddress();
        store = CeloScene.caughtUpStore(watcher, rates, "Loja Aurora", wallet);
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    private JsonPath newCheckout() {
        Map<String, Object> body = new java.util.HashMap<>(checkout(store));
        body.put("ecommerceOrderId", "1042");
        body.put("orderTotal", "12.50");
        return postCheckout(store, body).statusCode(200).extract().jsonPath();
    }

    private Page open(Browser.NewContextOptions options, String paymentUrl) {
        context = chromium.browser().newContext(options);
        return openIn(context, paymentUrl);
    }

    private Page openIn(BrowserContext in, String paymentUrl) {
        Page page = in.newPage();
        page.onRequest(request -> requests.add(request.url()));
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                consoleErrors.add(message.text());
            }
        });
        page.onPageError(error -> consoleErrors.add(error));
        page.navigate(paymentUrl.replace("http://localhost:8080/", base.toString()));
        // a reload would lose this: the status must change in place
        page.evaluate("window.__loadedOnce = true");
        return page;
    }

    private void assertStayedOnConfirmaWithACleanConsole(Page page) {
        assertEquals(Boolean.TRUE, page.evaluate("window.__loadedOnce"), "the page was not reloaded");
        String origin = base.toString().replaceAll("/$", "");
        assertTrue(requests.stream().allMatch(url -> url.startsWith(origin + "/")), "only Confirma's origin: " + requests);
        assertEquals(List.of(), consoleErrors, "console errors (a CSP violation is one)");
    }

    /** Texts below WCAG AA contrast on the page as it is now (see browser/contrast.js). */
    private static List<?> lowContrast(Page page) {
        try (var script = PaymentPageBrowserTest.class.getResourceAsStream("/browser/contrast.js")) {
            return (List<?>) page.evaluate(new String(script.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }

    private void awaitMined(String hash) {
        Awaitility.await("receipt of " + hash).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> !AnvilNodes.CELO.receipt(hash).isNull());
    }

    @Test
    void shouldTakeAPaymentFromTheBrowserWalletAndShowItConfirmWithoutAReload() {
        JsonPath order = newCheckout();
        String usdcDue = order.getString("quotes.find { it.asset == 'USDC' }.amount");
        context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-US"));
        TestWallet testWallet = TestWallet.installIn(context);
        Page page = openIn(context, order.getString("paymentUrl"));

        assertThat(page.locator("#order-total")).hasText("$12.50");
        assertThat(page.locator("#quote-CELO-CELO .amount")).hasText(order.getString("quotes.find { it.asset == 'CELO' }.amount"));
        assertThat(page.locator("#quote-CELO-CELO svg.qr")).isVisible();
        assertThat(page.locator("#quote-CELO-CELO .address")).hasText(wallet);
        String countdown = page.locator("#countdown").textContent();
        assertTrue(countdown.matches("1[45]:\\d\\d"), countdown);
        page.waitForFunction("start => document.getElementById('countdown').textContent !== start", countdown);
        screenshot(page, "payment-page-desktop.png");
        assertEquals(List.of(), lowContrast(page), "WCAG AA contrast while waiting");

        page.locator(".assets a[data-quote=CELO-USDC]").click();
        assertThat(page.locator("#quote-CELO-USDC")).isVisible();
        assertThat(page.locator("#quote-CELO-CELO")).isHidden();
        assertThat(page.locator("#quote-CELO-USDC .amount")).hasText(usdcDue);
        assertTrue(page.url().contains("quote=CELO-USDC"), "the choice is kept in the address for a reload");

        page.locator("#quote-CELO-USDC button.wallet").click();
        assertThat(page.locator("#wallet-message")).containsText("we are checking this transaction", WITHIN_15S);
        assertThat(page.locator("#status")).containsText("Looking for your transaction on the chain", WITHIN_15S);
        assertThat(page.locator("#quote-CELO-USDC button.wallet")).isHidden(); // sent: never offered twice
        String sentHash = page.locator("#wallet-hash").textContent();
        assertEquals(List.of("eth_requestAccounts", "eth_chainId", "wallet_switchEthereumChain", "wallet_addEthereumChain",
                "wallet_switchEthereumChain", "eth_sendTransaction"), testWallet.calls());
        assertEquals("Celo", testWallet.addedChains().get(0).get("chainName").asText());
        assertEquals("0xa4ec", testWallet.addedChains().get(0).get("chainId").asText());
        assertEquals("https://forno.celo.org", testWallet.addedChains().get(0).get("rpcUrls").get(0).asText());
        assertEquals("CELO", testWallet.addedChains().get(0).get("nativeCurrency").get("symbol").asText());

        String hash = store.asPlugin().get("/plugins/orders/" + order.getString("id")).then().extract().path("transactionHash");
        assertEquals(sentHash, hash, "the page shows the hash it attached");
        awaitMined(hash);
        watcher.poll(TestChains.CELO);
        assertThat(page.locator("#status")).containsText("1 of 10 confirmations", WITHIN_15S);
        assertThat(page.locator("#payment")).isHidden();

        AnvilNodes.CELO.mine(9);
        watcher.poll(TestChains.CELO);
        assertThat(page.locator("#status")).containsText("Payment confirmed", WITHIN_15S);
        assertThat(page.locator("#transaction-link")).hasAttribute("href", "https://celoscan.io/tx/" + hash);
        assertThat(page.locator("#success-link")).hasAttribute("href", "https://shop.example/thanks");
        store.asPlugin().get("/plugins/orders/" + order.getString("id")).then()
                .body("paymentStatus", org.hamcrest.Matchers.equalTo("confirmed"))
                .body("amountReceived", org.hamcrest.Matchers.equalTo(usdcDue))
                .body("paymentMethod", org.hamcrest.Matchers.equalTo("USDC"));
        screenshot(page, "payment-page-desktop-confirmed.png");
        assertEquals(List.of(), lowContrast(page), "WCAG AA contrast once confirmed");
        assertStayedOnConfirmaWithACleanConsole(page);
    }

    @Test
    void shouldPayEtherFromAWalletAlreadyOnEthereumWithoutSwitching() {
        AnvilNodes.ETHEREUM.alignClock(TestClockProducer.clock());
        watcher.poll(TestChains.ETHEREUM);
        String ethWallet = Fixtures.randomAddress();
        store = Fixtures.createStore(Map.of("name", "Loja Éter", "acceptedAssets", List.of("ETH"),
                "wallets", List.of(Map.of("protocol", "ETHEREUM", "address", ethWallet))));
        JsonPath order = newCheckout();
        assertEquals("0.00625", order.getString("quotes.find { it.asset == 'ETH' }.amount"), "12.50 USD at 2000 USD/ETH");
        context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        TestWallet testWallet = TestWallet.installIn(context);
        Page page = openIn(context, order.getString("paymentUrl"));

        assertThat(page.locator(".assets")).hasCount(0); // one quote: nothing to choose
        page.locator("#quote-ETHEREUM-ETH button.wallet").click();
        assertThat(page.locator("#wallet-message")).containsText("we are checking this transaction", WITHIN_15S);
        assertEquals(List.of("eth_requestAccounts", "eth_chainId", "eth_sendTransaction"), testWallet.calls());

        String hash = page.locator("#wallet-hash").textContent();
        Awaitility.await("receipt of " + hash).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> !AnvilNodes.ETHEREUM.receipt(hash).isNull());
        AnvilNodes.ETHEREUM.mine(12);
        watcher.poll(TestChains.ETHEREUM);
        assertThat(page.locator("#status")).containsText("Payment confirmed", WITHIN_15S);
        assertThat(page.locator("#transaction-link")).hasAttribute("href", "https://etherscan.io/tx/" + hash);
        store.asPlugin().get("/plugins/orders/" + order.getString("id")).then()
                .body("amountReceived", org.hamcrest.Matchers.equalTo("0.00625"))
                .body("blockchain", org.hamcrest.Matchers.equalTo("ETHEREUM"));
        assertStayedOnConfirmaWithACleanConsole(page);
    }

    @Test
    void shouldTakeAPastedHashOnAPhoneAndFollowItsConfirmations() {
        JsonPath order = newCheckout();
        Page page = open(new Browser.NewContextOptions().setViewportSize(360, 740).setDeviceScaleFactor(2)
                .setIsMobile(true).setHasTouch(true).setLocale("pt-BR"), order.getString("paymentUrl"));

        assertThat(page.locator("html")).hasAttribute("lang", "pt-BR");
        assertThat(page.locator("#status")).containsText("Aguardando seu pagamento");
        assertThat(page.locator("#quote-CELO-CELO button.wallet")).isHidden(); // no wallet in this browser
        assertThat(page.locator("#quote-CELO-CELO .open-wallet"))
                .hasAttribute("href", order.getString("quotes.find { it.asset == 'CELO' }.paymentUri"));
        assertEquals(360, ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue(), "nothing wider than the phone");
        screenshot(page, "payment-page-phone.png");

        page.locator("#transaction-hash").fill("0x1234");
        page.locator("#hash-form button[type=submit]").click();
        assertThat(page.locator("#hash-message")).containsText("0x seguido de 64 caracteres");
        assertThat(page.locator("#transaction-hash")).hasAttribute("aria-invalid", "true");

        BigInteger due = new BigInteger(order.getString("quotes.find { it.asset == 'CELO' }.amountBaseUnits"));
        String hash = AnvilNodes.CELO.pay(wallet, due);
        page.locator("#transaction-hash").fill(hash);
        page.locator("#hash-form button[type=submit]").click();
        assertThat(page.locator("#hash-message")).containsText("estamos verificando", WITHIN_15S);
        assertThat(page.locator("#status")).containsText("Procurando sua transação", WITHIN_15S);
        assertThat(page.locator("#hash-form")).isHidden();

        watcher.poll(TestChains.CELO);
        assertThat(page.locator("#status")).containsText("1 de 10 confirmações", WITHIN_15S);
        screenshot(page, "payment-page-phone-seen.png");
        assertEquals(List.of(), lowContrast(page), "WCAG AA contrast while seen");
        AnvilNodes.CELO.mine(9);
        watcher.poll(TestChains.CELO);
        assertThat(page.locator("#status")).containsText("Pagamento confirmado", WITHIN_15S);
        assertThat(page.locator("#success-link")).isVisible();
        assertStayedOnConfirmaWithACleanConsole(page);
    }

    @Test
    void shouldNameEveryControlForScreenReadersAndReachThemByKeyboard() {
        JsonPath order = newCheckout();
        Page page = open(new Browser.NewContextOptions().setViewportSize(1024, 800).setLocale("es-ES"), order.getString("paymentUrl"));
        String celo = order.getString("quotes.find { it.asset == 'CELO' }.amount");

        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions()
                .setName("Escanea con la app de tu billetera para pagar " + celo + " CELO en Celo"))).isVisible();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Esperando tu pago");
        assertThat(page.getByRole(AriaRole.TIMER)).isVisible();
        assertThat(page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Hash de la transacción"))).isVisible();
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Idioma"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("USDC en Celo"))).isVisible();

        // Tab from the top of the page: the asset links, the copy buttons and the hash field all take the focus
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < 20 && !reached.contains("transaction-hash"); i++) {
            page.keyboard().press("Tab");
            reached.add((String) page.evaluate("(() => { const e = document.activeElement;"
                    + " return e.id || e.dataset.quote || e.className || e.tagName; })()"));
        }
        assertTrue(reached.containsAll(List.of("CELO-USDC", "copy", "transaction-hash")), "focus went through " + reached);
        page.keyboard().press("Enter"); // submitting an empty hash by keyboard explains what a hash is
        assertThat(page.locator("#hash-message")).containsText("0x seguido de 64");
        assertStayedOnConfirmaWithACleanConsole(page);
    }

    @Test
    void shouldShowAClearPageForALinkThatDoesNotWork() {
        JsonPath order = newCheckout();
        Page page = open(new Browser.NewContextOptions().setLocale("es-ES"),
                order.getString("paymentUrl").replaceAll("sessionToken=[^&]+", "sessionToken=expired"));
        assertThat(page.locator("h1")).hasText("Este enlace de pago no funciona");
        assertThat(page.locator("#reason")).containsText(Pattern.compile("expiró o no es válido"));
        assertEquals(List.of(), consoleErrors.stream().filter(e -> !e.contains("401")).toList());
    }
}
