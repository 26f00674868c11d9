/**
 * The pipeline's own alerts (Prometheus → Alertmanager) relayed to the operators' WeCom group robot
 * in the robot's message format.
 */
package org.shouwang.alerting.operations;
