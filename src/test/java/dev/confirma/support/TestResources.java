package dev.confirma.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Test resources every @QuarkusTest gets: the rate providers' stub. */
@QuarkusTestResource(RateStub.class)
public final class TestResources {

    private TestResources() {
    }
}
