/**
 * The hash chain: entries, their canonical encoding and hash, the append path into PostgreSQL, the
 * chain walk that verifies it, and the export formats an auditor re-verifies offline.
 */
package org.shouwang.audit.chain;
