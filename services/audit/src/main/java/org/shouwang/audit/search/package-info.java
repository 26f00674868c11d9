/**
 * Searching the log (the filters a search and an export share), each read itself appended to the
 * log.
 */
package org.shouwang.audit.search;
