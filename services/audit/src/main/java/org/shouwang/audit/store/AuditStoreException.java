package org.shouwang.audit.store;

/** The database could not append or read the log. */
public class AuditStoreException extends RuntimeException {

  public AuditStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
