package org.shouwang.events;

/** Kinds of employment. */
public enum EmploymentKind {
  LOCAL,
  MIGRANT,
  PUBLIC_WELFARE_JOB,
  WORKSHOP
}
