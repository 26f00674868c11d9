/**
 * The hash chain, pure: entries, their canonical encoding and hash, and the verifier that walks a
 * sequence of entries. No JDBC and no Spring here (ArchitectureTests keep it so); storing the chain
 * is {@link org.shouwang.audit.store}'s, exporting it {@link org.shouwang.audit.export}'s.
 */
package org.shouwang.audit.chain;
