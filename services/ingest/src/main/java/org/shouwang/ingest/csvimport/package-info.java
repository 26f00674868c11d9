/**
 * The import endpoints: CSV files (UTF-8, GB18030 detected, or the declared charset) and Excel
 * workbooks (.xlsx, read with POI's streaming event API), as a raw body or a multipart upload, with
 * the contract's column names or the Chinese titles a county office writes; every row goes through
 * the intake and the report names each bad row's problems in Chinese. Also the template workbook.
 */
package org.shouwang.ingest.csvimport;
