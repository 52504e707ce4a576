package dev.confirma.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A browser wallet for the page under test: an EIP-1193 {@code window.ethereum} whose
 * requests the test answers, sending transactions for real to the local node of the chain
 * it is on. It starts on Ethereum and knows no other chain, so a page must ask to add and
 * switch to Celo as it would with a fresh MetaMask, whose mobile app reports the unknown
 * chain (4902) inside a generic error, as here. Bridged through a Playwright binding,
 * which the page's CSP does not govern.
 */
public final class TestWallet {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHIM = """
            window.ethereum = {
              isConfirmaTestWallet: true,
              request: async ({ method, params }) => {
                const answer = JSON.parse(await window.confirmaTestWallet(JSON.stringify({ method, params: params || [] })));
                if (answer.error) {
                  const error = new Error(answer.error.message);
                  error.code = answer.error.code;
                  error.data = answer.error.data;
                  throw error;
                }
                return answer.result;
              },
            };
            """;

    private final Map<String, AnvilNodes.Node> known = new LinkedHashMap<>();
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonNode> addedChains = Collections.synchronizedList(new ArrayList<>());
    private volatile String chainId = "0x1";

    private TestWallet() {
        known.put("0x1", AnvilNodes.ETHEREUM);
    }

    public static TestWallet installIn(BrowserContext context) {
        TestWallet wallet = new TestWallet();
        context.exposeBinding("confirmaTestWallet", (source, args) -> wallet.answer((String) args[0]));
        context.addInitScript(SHIM);
        return wallet;
    }

    /** The methods the page called, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** The parameters of every {@code wallet_addEthereumChain} the page asked for. */
    public List<JsonNode> addedChains() {
        return List.copyOf(addedChains);
    }

    private String answer(String requestJson) {
        try {
            JsonNode request = JSON.readTree(requestJson);
            String method = request.get("method").asText();
            JsonNode params = request.get("params");
            calls.add(method);
            Object result = switch (method) {
                case "eth_requestAccounts", "eth_accounts" -> List.of(AnvilNodes.PAYER.toLowerCase());
                case "eth_chainId" -> chainId;
                case "wallet_switchEthereumChain" -> {
                    String wanted = params.get(0).get("chainId").asText();
                    if (!known.containsKey(wanted)) {
                        yield new WalletError(-32603, "Unrecognized chain ID " + wanted, Map.of("originalError", Map.of("code", 4902)));
                    }
                    chainId = wanted;
                    yield null;
                }
                case "wallet_addEthereumChain" -> {
                    addedChains.add(params.get(0));
                    String id = params.get(0).get("chainId").asText();
                    known.put(id, id.equals("0x" + Long.toHexString(42220)) ? AnvilNodes.CELO : AnvilNodes.ETHEREUM);
                    yield null;
                }
                case "eth_sendTransaction" -> known.get(chainId).call("eth_sendTransaction", params.get(0)).asText();
                default -> error(4200, "The test wallet does not support " + method);
            };
            if (result instanceof WalletError e) {
                return JSON.writeValueAsString(Map.of("error", Map.of("code", e.code(), "message", e.message(), "data", e.data())));
            }
            Map<String, Object> ok = new LinkedHashMap<>();
            ok.put("result", result);
            return JSON.writeValueAsString(ok);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the page sent the wallet something that is not JSON: " + requestJson, e);
        }
    }

    private record WalletError(int code, String message, Map<String, Object> data) {
    }

    private static WalletError error(int code, String message) {
        return new WalletError(code, message, Map.of());
    }
}
