package org.shouwang.events;

/** Why a record was refused, as a closed set (a metric tag and a machine-readable code). */
public enum ViolationCode {
  /** The bytes are not JSON at all. */
  MALFORMED_JSON,
  /** A JSON object was expected. */
  NOT_AN_OBJECT,
  /** A required field is missing or null. */
  REQUIRED,
  /** A field has the wrong JSON type (text where a number belongs, say). */
  WRONG_TYPE,
  /** A code is not one of the allowed upper-case codes. */
  UNKNOWN_CODE,
  /** A text does not have the required form. */
  BAD_FORMAT,
  /** A number is outside its allowed range. */
  OUT_OF_RANGE,
  /** Money with more than 2 decimals. */
  TOO_MANY_DECIMALS,
  /** A time too far in the future. */
  IN_FUTURE,
  /** Fields that contradict each other. */
  INCONSISTENT,
  /** A batch or body too large. */
  TOO_LARGE
}
