package dev.confirma.store.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A store wallet on the wire: {@code {"protocol": "CELO", "address": "0x…"}}, or
 * {@code {"protocol": "CELO", "xpub": "xpub…"}} for one that gives each order its own address.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WalletView(String protocol, String address, String xpub) {
}
