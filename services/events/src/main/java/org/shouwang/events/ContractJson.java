package org.shouwang.events;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping of the contract: ISO-8601 times that keep their offset, money as plain numbers.
 */
public final class ContractJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          // keep "+08:00" as sent instead of normalising every time to UTC
          .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
          // money must not pass through double
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          // more fields are welcome: the contract may be extended
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private ContractJson() {}

  /** The shared, thread-safe mapper for contract records. */
  public static JsonMapper mapper() {
    return MAPPER;
  }
}
