package org.shouwang.audit.chain;

/** The database could not append or read the log. */
public class AuditStoreException extends RuntimeException {

  public AuditStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
