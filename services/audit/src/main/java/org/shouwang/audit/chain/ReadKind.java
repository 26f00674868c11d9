package org.shouwang.audit.chain;

/** What an auditor's read was: the codes of the {@code AUDIT_READ} family. */
public enum ReadKind {
  SEARCH,
  EXPORT,
  VERIFY
}
