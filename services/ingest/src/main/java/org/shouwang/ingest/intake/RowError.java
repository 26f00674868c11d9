package org.shouwang.ingest.intake;

/**
 * One problem of an imported row in Chinese, for the clerk who made the file.
 *
 * @param column the column as the file's header writes it ({@code 人均纯收入}); the column's Chinese
 *     title when the file lacks it; absent for the row as a whole
 * @param message the row number, the column and why, in one sentence ({@code 第3行「人均纯收入」：「六千」不是金额…})
 */
public record RowError(String column, String message) {}
