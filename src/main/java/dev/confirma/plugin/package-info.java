/**
 * The Cryptum plugin API (CONTRACT §3, §4): an adapter around the order core. It parses the
 * plugin's JSON, spells statuses as plugins do ({@link dev.confirma.plugin.PluginStatus}),
 * words the core's refusals, and composes the Cryptum callbacks. Uses {@code order},
 * {@code payment}, {@code rates}, {@code store}, {@code shopper}, {@code callback}, {@code chain},
 * {@code common}; only {@code checkout} uses it back, for the status spelling of the page's JSON.
 */
package dev.confirma.plugin;
