package org.shouwang.riskengine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.shouwang.riskengine.rules.HouseholdState;

/**
 * Every field of the household state, found by reflection, must survive {@code copy()} and the
 * codec. The golden household sets every field (checked here too), so a field added to the state or
 * to one of its parts fails here until the fixture, {@code copy()} and the codec all handle it.
 */
class HouseholdStateFieldsTests {

  @Test
  void theGoldenHouseholdSetsEveryField() throws IllegalAccessException {
    HouseholdState golden = GoldenStateTests.goldenHousehold();
    assertSet(golden, HouseholdState::new);
    assertSet(golden.entitlements.get(0), HouseholdState.Entitlement::new);
    assertSet(golden.payments.get(0), HouseholdState.Payment::new);
    assertSet(golden.conditions.get(0), HouseholdState.Condition::new);
  }

  @Test
  void copyKeepsEveryField() throws IllegalAccessException {
    HouseholdState golden = GoldenStateTests.goldenHousehold();
    assertSameFields(golden.copy(), golden);
  }

  @Test
  void theCodecKeepsEveryField() throws IllegalAccessException {
    HouseholdState golden = GoldenStateTests.goldenHousehold();
    assertSameFields(StateCodec.decode(StateCodec.encode(golden)), golden);
  }

  /** Every field of {@code actual}, one by one, as in {@code expected}, parts compared by field. */
  private static void assertSameFields(HouseholdState actual, HouseholdState expected)
      throws IllegalAccessException {
    List<Field> fields = instanceFields(HouseholdState.class);
    assertThat(fields).hasSizeGreaterThan(20);
    for (Field field : fields) {
      assertThat(field.get(actual))
          .as(field.getName())
          .usingRecursiveComparison()
          .isEqualTo(field.get(expected));
    }
  }

  /** Every field of {@code part} differs from that of a part just made. */
  private static <T> void assertSet(T part, Supplier<T> fresh) throws IllegalAccessException {
    T made = fresh.get();
    for (Field field : instanceFields(part.getClass())) {
      Object value = field.get(part);
      Object initial = field.get(made);
      assertThat(value).as("%s.%s", part.getClass().getSimpleName(), field.getName()).isNotNull();
      assertThat(Objects.deepEquals(value, initial) || isEmpty(value))
          .as("%s.%s is set in the golden household", part.getClass().getSimpleName(), field)
          .isFalse();
    }
  }

  private static boolean isEmpty(Object value) {
    return value instanceof List<?> list && list.isEmpty()
        || value instanceof long[] array && array.length == 0;
  }

  private static List<Field> instanceFields(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
        field.setAccessible(true);
        fields.add(field);
      }
    }
    return fields;
  }
}
