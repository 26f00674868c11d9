package org.shouwang.alerting.notification;

import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The web console's address of a case, {@code {shouwang.console.base-url}/cases/{caseId}}, which
 * every notification carries so a cadre goes from the message straight to the case.
 */
@Component
class CaseLinks {

  private final String baseUrl;

  CaseLinks(@Value("${shouwang.console.base-url:http://localhost:8086}") String baseUrl) {
    // a configured trailing slash would make "//cases"
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  String of(UUID caseId) {
    return baseUrl + "/cases/" + caseId;
  }
}
