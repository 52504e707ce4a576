/**
 * Several instances on one database: who this instance is, and leases on work only one
 * instance may do at a time (reading a chain, fetching market rates), taken over when their
 * holder stops renewing them. Uses {@code common} only.
 */
package dev.confirma.cluster;
