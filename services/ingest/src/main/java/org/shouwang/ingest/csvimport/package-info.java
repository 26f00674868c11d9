/**
 * The CSV import endpoints: a department's spreadsheet saved as CSV (UTF-8, header row), one record
 * per row, answered with a report per row as the spreadsheet numbers it.
 */
package org.shouwang.ingest.csvimport;
