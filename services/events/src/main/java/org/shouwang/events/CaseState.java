package org.shouwang.events;

/** Where a case stands in the cadre's work. */
public enum CaseState {
  OPEN("待签收"),
  ACKNOWLEDGED("已签收"),
  /** Confirmed on a visit: the risk is real. */
  VERIFIED("核实属实"),
  /** Not a real risk, with a reason. */
  DISMISSED("核实不属实"),
  /** Measures are being delivered. */
  ASSISTING("帮扶中"),
  RESOLVED("已办结");

  private final String chineseName;

  CaseState(String chineseName) {
    this.chineseName = chineseName;
  }

  /** The name people read (pages, messages). */
  public String chineseName() {
    return chineseName;
  }

  /** Whether the case is finished (new alerts reopen it or open another). */
  public boolean closed() {
    return this == DISMISSED || this == RESOLVED;
  }
}
