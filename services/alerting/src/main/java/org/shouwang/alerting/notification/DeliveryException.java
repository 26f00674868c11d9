package org.shouwang.alerting.notification;

/** A delivery attempt that failed; the message is recorded with the attempt. */
class DeliveryException extends Exception {

  DeliveryException(String message) {
    super(message);
  }

  DeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
