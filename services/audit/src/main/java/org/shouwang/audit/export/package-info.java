/**
 * Exports of the log as CSV or JSON lines (the endpoint and the formats), and the reader that
 * parses an export back into entries for offline verification.
 */
package org.shouwang.audit.export;
