package org.shouwang.audit.chain;

/**
 * The last entry of the chain.
 *
 * @param sequence its sequence number
 * @param hash its hash
 */
public record ChainHead(long sequence, String hash) {}
