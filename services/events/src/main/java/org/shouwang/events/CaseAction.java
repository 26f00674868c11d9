package org.shouwang.events;

/** What happened to a case; every human action and every notification is one. */
public enum CaseAction {
  OPENED("立案"),
  ALERT_ADDED("新增预警"),
  ACKNOWLEDGED("签收"),
  VERIFIED("核实属实"),
  DISMISSED("核实不属实"),
  MEASURE_RECORDED("录入帮扶措施"),
  RESOLVED("办结"),
  REOPENED("重新打开"),
  ESCALATED("督办升级"),
  REMINDED("催办提醒"),
  NOTIFICATION_SENT("通知已发送"),
  NOTIFICATION_FAILED("通知发送失败");

  private final String chineseName;

  CaseAction(String chineseName) {
    this.chineseName = chineseName;
  }

  /** The name people read (pages, messages). */
  public String chineseName() {
    return chineseName;
  }
}
