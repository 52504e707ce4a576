package dev.confirma.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Test resources every @QuarkusTest gets: the rate providers' stub and two local EVM nodes. */
@QuarkusTestResource(RateStub.class)
@QuarkusTestResource(AnvilNodes.class)
public final class TestResources {

    private TestResources() {
    }
}
