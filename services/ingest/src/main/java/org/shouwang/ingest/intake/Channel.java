package org.shouwang.ingest.intake;

/** The door a record came through; a metric tag. */
public enum Channel {
  /** JSON on the batch endpoints. */
  API("api"),
  /** A CSV file on the import endpoints. */
  CSV("csv"),
  /** An Excel workbook (.xlsx) on the import endpoints. */
  XLSX("xlsx");

  private final String tag;

  Channel(String tag) {
    this.tag = tag;
  }

  public String tag() {
    return tag;
  }
}
