package org.shouwang.events;

/** Who reported a household event. */
public enum Source {
  SELF_DECLARATION,
  CADRE_VISIT,
  DEPARTMENT,
  SYSTEM
}
