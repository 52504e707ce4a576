package dev.confirma.store.rest;

/** A store wallet on the wire: {@code {"protocol": "CELO", "address": "0x…"}}. */
public record WalletView(String protocol, String address) {
}
