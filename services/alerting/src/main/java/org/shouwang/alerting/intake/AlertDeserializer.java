package org.shouwang.alerting.intake;

import org.apache.kafka.common.serialization.Deserializer;
import org.shouwang.events.Alert;
import org.shouwang.events.ContractSerdes;

/**
 * The contract's validating alert deserializer as a class Kafka can instantiate, the delegate of
 * the {@code ErrorHandlingDeserializer} ({@code spring.deserializer.value.delegate.class}).
 */
public class AlertDeserializer implements Deserializer<Alert> {

  private final Deserializer<Alert> delegate = ContractSerdes.alert().deserializer();

  @Override
  public Alert deserialize(String topic, byte[] data) {
    return delegate.deserialize(topic, data);
  }
}
