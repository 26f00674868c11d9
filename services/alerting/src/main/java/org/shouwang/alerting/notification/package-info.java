/**
 * Notifications: plain Chinese texts, grouped per recipient within a window, written to an outbox
 * in the transaction of the case change, delivered by a dispatcher with retries, backoff and
 * fallback over WeCom, DingTalk, signed webhooks and e-mail; the in-app inbox always holds them.
 * Every channel and the inbox carry each case's console page, {@code
 * {shouwang.console.base-url}/cases/{caseId}}.
 */
package org.shouwang.alerting.notification;
