/**
 * The JSON batch endpoints: one record or an array of records per request, each answered with its
 * own outcome.
 */
package org.shouwang.ingest.batch;
