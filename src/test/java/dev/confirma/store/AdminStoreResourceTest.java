package dev.confirma.store;

import static dev.confirma.support.Fixtures.CELO_WALLET;
import static dev.confirma.support.Fixtures.ETH_WALLET;
import static dev.confirma.support.Fixtures.asOperator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.confirma.common.Secrets;
import dev.confirma.support.DatabaseSnapshot;
import dev.confirma.support.Fixtures;
import dev.confirma.support.Fixtures.TestStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class AdminStoreResourceTest {

    @Test
    void shouldCreateStoreAndShowKeyOnlyOnce() {
        var created = asOperator().body(Map.of(
                        "name", "Loja Boa",
                        "wallets", List.of(Map.of("protocol", "celo", "address", CELO_WALLET.toLowerCase())),
                        "markupPercentage", "2.5",
                        "discountPercentage", 1,
                        "acceptedAssets", List.of("cusd", "CELO")))
                .post("/admin/stores")
                .then().statusCode(201)
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("name", equalTo("Loja Boa"))
                .body("apiKey", matchesPattern("ck_[A-Za-z0-9_-]{43}"))
                .body("webhookSecret", matchesPattern("whsec_[A-Za-z0-9_-]{43}"))
                .body("wallets[0].protocol", equalTo("CELO"))
                .body("wallets[0].address", equalTo(CELO_WALLET)) // stored checksummed
                .body("markupPercentage", equalTo(2.5f))
                .body("discountPercentage", equalTo(1))
                .body("acceptedAssets", contains("cUSD", "CELO"))
                .extract().jsonPath();
        String id = created.getString("id");
        String apiKey = created.getString("apiKey");

        asOperator().get("/admin/stores/" + id).then().statusCode(200)
                .body("apiKey", nullValue())
                .body("apiKeyPrefix", equalTo(apiKey.substring(0, 10)))
                .body("webhookSecret", equalTo(created.getString("webhookSecret")));

        ApiKey stored = QuarkusTransaction.requiringNew().call(() -> ApiKey.<ApiKey>find("storeId", id).singleResult());
        assertEquals(Secrets.sha256Hex(apiKey), stored.keyHash);
        assertFalse(DatabaseSnapshot.take().contains(apiKey), "the API key itself must not be stored");
    }

    @Test
    void shouldAcceptEveryConfiguredAssetWhenNoneAreListed() {
        asOperator().body(Map.of("name", "All assets")).post("/admin/stores").then().statusCode(201)
                .body("acceptedAssets", contains("CELO", "USDC", "USDT", "cEUR", "cREAL", "cUSD", "ETH"))
                .body("wallets.size()", equalTo(0))
                .body("markupPercentage", equalTo(0))
                .body("timeZone", equalTo("UTC"));
    }

    @Test
    void shouldKeepTheStoresTimeZoneWhenCreatedAndPatched() {
        String id = asOperator().body(Map.of("name", "Zoned", "timeZone", "America/New_York")).post("/admin/stores").then()
                .statusCode(201).body("timeZone", equalTo("America/New_York")).extract().path("id");
        asOperator().body(Map.of("timeZone", "Asia/Tokyo")).patch("/admin/stores/" + id).then().statusCode(200)
                .body("timeZone", equalTo("Asia/Tokyo"));
        asOperator().get("/admin/stores/" + id).then().body("timeZone", equalTo("Asia/Tokyo"));
    }

    @Test
    void shouldListGetPatchAndDeleteStores() {
        TestStore store = Fixtures.createStore();
        asOperator().get("/admin/stores").then().statusCode(200).body("stores.id", hasItem(store.id()));

        asOperator().body(Map.of("name", "Renamed", "markupPercentage", 3,
                        "wallets", List.of(Map.of("protocol", "ETHEREUM", "address", ETH_WALLET))))
                .patch("/admin/stores/" + store.id())
                .then().statusCode(200)
                .body("name", equalTo("Renamed"))
                .body("markupPercentage", equalTo(3))
                .body("wallets.protocol", contains("ETHEREUM"));
        asOperator().get("/admin/stores/" + store.id()).then().body("name", equalTo("Renamed"));

        asOperator().delete("/admin/stores/" + store.id()).then().statusCode(204);
        asOperator().get("/admin/stores/" + store.id()).then().statusCode(404).body("error.code", equalTo("not_found"));
        asOperator().get("/admin/stores").then().body("stores.id", not(hasItem(store.id())));
        store.asPlugin().get("/plugins/orders").then().statusCode(401);
    }

    @Test
    void shouldRevokeOldKeyWhenRotatingWithoutGrace() {
        TestStore store = Fixtures.createStore();
        String newKey = asOperator().queryParam("grace", "PT0S").post("/admin/stores/" + store.id() + "/api-keys")
                .then().statusCode(201)
                .body("storeId", equalTo(store.id()))
                .body("apiKey", matchesPattern("ck_.{43}"))
                .extract().path("apiKey");

        store.asPlugin().get("/plugins/orders").then().statusCode(401).body("message", equalTo("The API key is not valid"));
        given().header("x-api-key", newKey).get("/plugins/orders").then().statusCode(200);
        asOperator().get("/admin/stores/" + store.id()).then().body("apiKeyPrefix", equalTo(newKey.substring(0, 10)));
    }

    @Test
    void shouldRefuseAdminCallsWithoutTheOperatorToken() {
        DatabaseSnapshot before = DatabaseSnapshot.take();
        given().contentType(ContentType.JSON).body(Map.of("name", "x")).post("/admin/stores")
                .then().statusCode(401).body("status", equalTo("failed"))
                .body("message", containsString("Bearer"));
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON).body(Map.of("name", "x"))
                .post("/admin/stores").then().statusCode(401).body("error.code", equalTo("unauthorized"));
        before.assertUnchanged();
        TestStore store = Fixtures.createStore();
        DatabaseSnapshot afterCreate = DatabaseSnapshot.take();
        given().header("Authorization", "Bearer " + store.apiKey()).get("/admin/stores").then().statusCode(401);
        given().header("x-api-key", store.apiKey()).delete("/admin/stores/" + store.id()).then().statusCode(401);
        afterCreate.assertUnchanged();
    }

    @Test
    void shouldAnswer404ForUnknownStores() {
        DatabaseSnapshot before = DatabaseSnapshot.take();
        asOperator().get("/admin/stores/nope").then().statusCode(404).body("message", equalTo("Store nope not found"));
        asOperator().body(Map.of("name", "x")).patch("/admin/stores/nope").then().statusCode(404);
        asOperator().delete("/admin/stores/nope").then().statusCode(404);
        asOperator().post("/admin/stores/nope/api-keys").then().statusCode(404);
        before.assertUnchanged();
    }

    // BIP-32 test vector 1: m/0H as xpub, and the master private key
    private static final String XPUB = "xpub68Gmy5EdvgibQVfPdqkBBCHxA5htiqg55crXYuXoQRKfDBFA1WEjWgP6LHhwBZeNK1VTsfTFUHCdrfp1bgwQ9xv5ski8PX9rL2dZXvgGDnw";
    private static final String XPRV = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi";

    static Stream<Arguments> badStores() {
        Map<String, Object> celo = Map.of("protocol", "CELO", "address", CELO_WALLET);
        return Stream.of(
                Arguments.of(Map.of(), "name", "name is required"),
                Arguments.of(Map.of("name", "  "), "name", "name is required"),
                Arguments.of(Map.of("name", 5), "name", "name must be a string"),
                Arguments.of(Map.of("name", "x", "wallets", "0xabc"), "wallets", "wallets must be an array"),
                Arguments.of(Map.of("name", "x", "wallets", List.of(Map.of("protocol", "BITCOIN", "address", CELO_WALLET))),
                        "wallets[0].protocol", "wallets[0].protocol must be CELO or ETHEREUM, not BITCOIN"),
                Arguments.of(Map.of("name", "x", "wallets", List.of(Map.of("protocol", "CELO"))),
                        "wallets[0].address", "wallets[0].address is required"),
                Arguments.of(Map.of("name", "x", "wallets", List.of(Map.of("protocol", "CELO", "address", "0x1234"))),
                        "wallets[0].address", "wallets[0].address is not a valid address (0x and 40 hex digits, EIP-55 checksum when mixed case)"),
                // one letter's case flipped: the EIP-55 checksum catches it
                Arguments.of(Map.of("name", "x", "wallets", List.of(Map.of("protocol", "CELO", "address", "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"))),
                        "wallets[0].address", "wallets[0].address is not a valid address (0x and 40 hex digits, EIP-55 checksum when mixed case)"),
                Arguments.of(Map.of("name", "x", "wallets", List.of(Map.of("protocol", "CELO", "address", "0x0000000000000000000000000000000000000000"))),
                        "wallets[0].address", "the zero address cannot receive payments"),
                Arguments.of(Map.of("name", "x", "wallets", List.of(celo, celo)),
                        "wallets[1].protocol", "only one wallet per protocol: CELO is repeated"),
                Arguments.of(Map.of("name", "x", "wallets", List.of(Map.of("protocol", "CELO", "xpub", XPRV))),
                        "wallets[0].xpub", "wallets[0].xpub is not a usable extended public key: this is an extended PRIVATE key:"
                                + " give the server the xpub only, and keep the xprv secret"),
                Arguments.of(Map.of("name", "x", "wallets", List.of(Map.of("protocol", "CELO", "xpub", XPUB.substring(0, 100) + "x"))),
                        "wallets[0].xpub", "wallets[0].xpub is not a usable extended public key:"
                                + " not a Base58Check extended key (a character or the checksum is wrong)"),
                Arguments.of(Map.of("name", "x", "wallets", List.of(Map.of("protocol", "CELO", "xpub", XPUB, "address", CELO_WALLET))),
                        "wallets[0].xpub", "wallets[0].xpub: a wallet is a fixed address or an xpub that gives each order its own address, not both"),
                Arguments.of(Map.of("name", "x", "markupPercentage", -1), "markupPercentage", "markupPercentage must be between 0 and 100"),
                Arguments.of(Map.of("name", "x", "markupPercentage", "abc"), "markupPercentage", "markupPercentage must be a decimal number, such as 12.50"),
                Arguments.of(Map.of("name", "x", "markupPercentage", "1.00001"), "markupPercentage", "markupPercentage may have at most 4 decimal places"),
                Arguments.of(Map.of("name", "x", "discountPercentage", 100), "discountPercentage", "discountPercentage must be between 0 and less than 100"),
                Arguments.of(Map.of("name", "x", "acceptedAssets", List.of("DOGE")), "acceptedAssets",
                        "acceptedAssets: DOGE is not an asset this server accepts (CELO, USDC, USDT, cEUR, cREAL, cUSD, ETH)"),
                Arguments.of(Map.of("name", "x", "timeZone", "Mars/Olympus"), "timeZone",
                        "timeZone must be an IANA time zone such as UTC, Europe/Berlin or America/New_York, not Mars/Olympus"),
                Arguments.of(Map.of("name", "x", "timeZone", "+02:00"), "timeZone",
                        "timeZone must be an IANA time zone such as UTC, Europe/Berlin or America/New_York, not +02:00"),
                Arguments.of(Map.of("name", "x", "timeZone", "GMT+1"), "timeZone",
                        "timeZone must be an IANA time zone such as UTC, Europe/Berlin or America/New_York, not GMT+1"),
                Arguments.of(Map.of("name", "x", "timeZone", "UTC+05:00"), "timeZone",
                        "timeZone must be an IANA time zone such as UTC, Europe/Berlin or America/New_York, not UTC+05:00"),
                Arguments.of(Map.of("name", "x", "timeZone", 5), "timeZone", "timeZone must be a string"),
                Arguments.of(Map.of("name", "x", "acceptedAssets", List.of()), "acceptedAssets",
                        "acceptedAssets must list at least one asset, or be left out to accept all"));
    }

    @ParameterizedTest
    @MethodSource("badStores")
    void shouldRefuseInvalidStoreAndStoreNothing(Map<String, Object> body, String field, String message) {
        DatabaseSnapshot before = DatabaseSnapshot.take();
        asOperator().body(body).post("/admin/stores").then().statusCode(400)
                .body("status", equalTo("failed"))
                .body("message", equalTo(message))
                .body("error.message", equalTo(message))
                .body("error.field", equalTo(field))
                .body("error.code", notNullValue());
        before.assertUnchanged();
    }

    @Test
    void shouldRefuseInvalidPatchAndChangeNothing() {
        TestStore store = Fixtures.createStore();
        DatabaseSnapshot before = DatabaseSnapshot.take();
        asOperator().body(Map.of("name", "ok", "discountPercentage", 150)).patch("/admin/stores/" + store.id())
                .then().statusCode(400).body("error.field", equalTo("discountPercentage"));
        asOperator().body("[1,2]").patch("/admin/stores/" + store.id())
                .then().statusCode(400).body("message", equalTo("Request body must be a JSON object"));
        before.assertUnchanged();
    }
}
