package org.shouwang.platform.security;

/** The contract's roles. */
public enum Role {
  /** Department systems sending data in. */
  INGEST,
  /** A paired cadre: own households only. */
  CADRE,
  /** A township or county supervisor: their area. */
  SUPERVISOR,
  /** The county audit office: reads all, and the audit log. */
  AUDITOR,
  ADMIN;

  /** The Spring Security authority of this role. */
  public String authority() {
    return "ROLE_" + name();
  }
}
