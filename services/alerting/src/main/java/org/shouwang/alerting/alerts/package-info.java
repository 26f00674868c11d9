/** The alerts API: alerts as consumed, newest first, within the reader's scope. */
package org.shouwang.alerting.alerts;
