package org.shouwang.alerting.operations;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * The operators' message: Alertmanager's alerts as WeCom markdown, in Chinese, within 4,096 bytes.
 */
final class WeComText {

  /** WeCom's limit for a markdown message's content, in UTF-8 bytes. */
  static final int MAX_BYTES = 4096;

  private WeComText() {}

  static String of(JsonNode notification) {
    StringBuilder text = new StringBuilder();
    int firing = 0;
    int resolved = 0;
    for (JsonNode alert : notification.path("alerts")) {
      if ("resolved".equals(alert.path("status").asString(""))) {
        resolved++;
      } else {
        firing++;
      }
    }
    text.append("## 守望运行告警\n");
    if (firing > 0) {
      text.append("<font color=\"warning\">告警中 ").append(firing).append(" 条</font>  ");
    }
    if (resolved > 0) {
      text.append("<font color=\"info\">已恢复 ").append(resolved).append(" 条</font>");
    }
    text.append('\n');
    for (JsonNode alert : notification.path("alerts")) {
      boolean isResolved = "resolved".equals(alert.path("status").asString(""));
      JsonNode labels = alert.path("labels");
      JsonNode annotations = alert.path("annotations");
      StringBuilder line = new StringBuilder();
      line.append("> **")
          .append(isResolved ? "【已恢复】" : "【告警】")
          .append(labels.path("alertname").asString("未命名告警"))
          .append("**");
      String severity = labels.path("severity").asString("");
      if (!severity.isEmpty()) {
        line.append(" 级别: ").append(severity);
      }
      String service = labels.path("service").asString(labels.path("job").asString(""));
      if (!service.isEmpty()) {
        line.append(" 服务: ").append(service);
      }
      String summary =
          annotations.path("summary").asString(annotations.path("description").asString(""));
      if (!summary.isEmpty()) {
        line.append("\n> ").append(summary);
      }
      line.append("\n> 开始: ").append(alert.path("startsAt").asString("-"));
      if (isResolved) {
        line.append("  恢复: ").append(alert.path("endsAt").asString("-"));
      }
      line.append('\n');
      String more = "> ……（其余告警见 Alertmanager）\n";
      if (bytes(text) + bytes(line) + bytes(more) > MAX_BYTES) {
        text.append(more);
        break;
      }
      text.append(line);
    }
    return text.toString();
  }

  private static int bytes(CharSequence text) {
    return text.toString().getBytes(StandardCharsets.UTF_8).length;
  }
}
