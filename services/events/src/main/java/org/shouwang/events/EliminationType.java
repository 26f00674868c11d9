package org.shouwang.events;

/** How a monitored household'\''s risk was eliminated. */
public enum EliminationType {
  ASSISTED,
  NATURAL
}
