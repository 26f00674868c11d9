package org.shouwang.alerting.notification;

import java.util.List;
import java.util.UUID;

/** A composed notification ready to deliver. */
record Message(long id, String recipient, String title, String body, List<UUID> caseIds) {}
