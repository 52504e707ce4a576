package dev.confirma.support;

import dev.confirma.chain.Protocol;

/** The two chains every test server is configured with (application.properties' presets). */
public final class TestChains {

    public static final Protocol CELO = Protocol.ofConfigName("celo");
    public static final Protocol ETHEREUM = Protocol.ofConfigName("ethereum");

    private TestChains() {
    }
}
