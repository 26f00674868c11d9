/**
 * Proving the log untampered: the chain walk (on request, periodically, and offline from an export)
 * and the checkpoints of the chain head written outside the database.
 */
package org.shouwang.audit.verify;
