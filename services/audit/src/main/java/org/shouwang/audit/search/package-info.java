/** Searching and exporting the log, each read itself appended to the log. */
package org.shouwang.audit.search;
