package org.shouwang.alerting.intake;

import org.apache.kafka.common.serialization.Serializer;
import org.shouwang.events.ContractSerdes;

/**
 * The value serializer of this service's producer: bytes pass through unchanged (the case-event
 * outbox and the original bytes of a dead letter), a contract record is written as contract JSON
 * (an alert that failed processing, sent to the dead-letter topic).
 */
public class ContractValueSerializer implements Serializer<Object> {

  @Override
  public byte[] serialize(String topic, Object data) {
    if (data == null || data instanceof byte[]) {
      return (byte[]) data;
    }
    return ContractSerdes.toJson(data);
  }
}
