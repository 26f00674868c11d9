/**
 * Consumer: turns alerts into cases that cadres work, routes and delivers notifications, escalates.
 */
package org.shouwang.alerting;
