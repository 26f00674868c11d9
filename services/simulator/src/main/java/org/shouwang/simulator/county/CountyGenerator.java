package org.shouwang.simulator.county;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.shouwang.events.MonitoringCategory;
import org.shouwang.events.Programme;

/** Builds a county shaped like the seed. A pure function of (seed, shape, standards). */
public final class CountyGenerator {

  /** Hengyang County's code (DOMAIN.md). */
  public static final String COUNTY_CODE = "430421";

  public static final String COUNTY_NAME = "衡阳县";

  private static final String[] TOWNSHIP_NAMES = {
    "西渡镇", "梅花镇", "三湖镇", "台源镇", "演陂镇", "金兰镇", "洪市镇", "曲兰镇", "金溪镇", "界牌镇", "渣江镇", "井头镇", "关市镇",
    "库宗镇", "杉桥镇", "岘山镇", "石市镇", "集兵镇", "长安乡", "溪江乡", "大安乡", "樟木乡", "岣嵝乡", "栏垅乡", "板市乡"
  };

  private static final String VILLAGE_FIRST = "新石白长清竹枫桃杨柳黄高东西南北金银凤龙泉松梅荷茶云山田花乐";
  private static final String VILLAGE_SECOND = "塘湾山桥冲坪岭江湖溪源洲田园铺台";

  /** Household sizes 1–7 and their weights: mean ≈ 3.2 people (seed: 47,384 / 14,933). */
  private static final int[] SIZE_WEIGHTS = {12, 22, 25, 23, 11, 5, 2};

  private static final int WEIGHT_TOTAL = 100;
  private static final long SALT_TOWNSHIPS = 0x7A3C_11D5_0B9E_4F21L;
  private static final long SALT_HOUSEHOLDS = 0x2F6B_94E3_5A17_C80DL;

  private CountyGenerator() {}

  /** The county for a seed and shape. */
  public static County generate(long seed, CountyShape shape, Standards standards) {
    SplittableRandom random = new SplittableRandom(seed ^ SALT_TOWNSHIPS);
    List<Township> townships = townships(shape, random);
    List<Village> villages = townships.stream().flatMap(t -> t.villages().stream()).toList();
    int[] perVillage = spread(shape.households(), villages.size(), random);

    List<Household> households = new ArrayList<>(shape.households());
    List<String> cadres = new ArrayList<>();
    Map<String, Integer> serials = new java.util.HashMap<>();
    Map<String, Township> townshipByCode = new java.util.HashMap<>();
    townships.forEach(t -> townshipByCode.put(t.code(), t));
    CadrePairing pairing = new CadrePairing(shape.householdsPerCadre(), random, cadres);
    for (int v = 0; v < villages.size(); v++) {
      Village village = villages.get(v);
      Township township = townshipByCode.get(village.townshipCode());
      pairing.newVillage();
      for (int n = 0; n < perVillage[v]; n++) {
        int index = households.size();
        int serial = serials.merge(township.code(), 1, Integer::sum);
        String id = COUNTY_CODE + "-" + township.shortCode() + "-" + String.format("%05d", serial);
        SplittableRandom r = householdRandom(seed, index);
        households.add(
            household(index, id, township, village, pairing.next(), shape, standards, r));
      }
    }
    return new County(
        COUNTY_CODE, COUNTY_NAME, List.copyOf(townships), List.copyOf(households), cadres);
  }

  /** The random stream of one household: independent of every other household's. */
  static SplittableRandom householdRandom(long seed, int index) {
    return new SplittableRandom(seed ^ SALT_HOUSEHOLDS ^ (index * 0x9E37_79B9_7F4A_7C15L));
  }

  private static List<Township> townships(CountyShape shape, SplittableRandom random) {
    int[] villageCounts = spread(shape.villages(), shape.townships(), random);
    List<Township> townships = new ArrayList<>();
    for (int t = 0; t < shape.townships(); t++) {
      String code = COUNTY_CODE + (101 + t);
      String name =
          t < TOWNSHIP_NAMES.length
              ? TOWNSHIP_NAMES[t]
              : TOWNSHIP_NAMES[t % TOWNSHIP_NAMES.length].replaceFirst(
                  "([镇乡])$", (t / TOWNSHIP_NAMES.length + 1) + "$1");
      List<String> names = villageNames(random);
      List<Village> villages = new ArrayList<>();
      int count = Math.min(99, Math.max(1, villageCounts[t]));
      for (int v = 0; v < count; v++) {
        villages.add(new Village(code + (201 + v), names.get(v), code));
      }
      townships.add(new Township(code, name, List.copyOf(villages)));
    }
    return townships;
  }

  private static List<String> villageNames(SplittableRandom random) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < VILLAGE_FIRST.length(); i++) {
      for (int j = 0; j < VILLAGE_SECOND.length(); j++) {
        names.add("" + VILLAGE_FIRST.charAt(i) + VILLAGE_SECOND.charAt(j) + "村");
      }
    }
    for (int i = names.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String swap = names.get(i);
      names.set(i, names.get(j));
      names.set(j, swap);
    }
    return names;
  }

  /** Spreads a total over buckets with uneven (0.5–1.5) weights, at least one each if possible. */
  private static int[] spread(int total, int buckets, SplittableRandom random) {
    double[] weights = new double[buckets];
    double sum = 0;
    for (int i = 0; i < buckets; i++) {
      weights[i] = 0.5 + random.nextDouble();
      sum += weights[i];
    }
    int[] counts = new int[buckets];
    int assigned = 0;
    for (int i = 0; i < buckets; i++) {
      counts[i] = (int) Math.floor(total * weights[i] / sum);
      assigned += counts[i];
    }
    for (int i = 0; assigned < total; i = (i + 1) % buckets) {
      counts[i]++;
      assigned++;
    }
    return counts;
  }

  private static Household household(
      int index,
      String id,
      Township township,
      Village village,
      String cadreId,
      CountyShape shape,
      Standards standards,
      SplittableRandom r) {
    List<Member> members = members(r, shape.disabilityShare());
    boolean formerlyPoor = r.nextDouble() < shape.formerlyPoorShare();
    MonitoringCategory category = null;
    if (r.nextDouble() < shape.monitoredShare()) {
      category =
          r.nextDouble() < 0.2
              ? MonitoringCategory.SUDDEN_HARDSHIP
              : formerlyPoor ? MonitoringCategory.UNSTABLE_LIFTED : MonitoringCategory.MARGINAL;
    }
    // per-capita income between 1.4 and 3.4 times the line, most households near the low end
    double incomeFactor = 1.4 + 2.0 * Math.pow(r.nextDouble(), 1.5);
    List<Entitlement> entitlements = entitlements(members, formerlyPoor, shape, standards, r);
    return new Household(
        index,
        id,
        township,
        village,
        cadreId,
        List.copyOf(members),
        formerlyPoor,
        category,
        incomeFactor,
        entitlements);
  }

  private static List<Member> members(SplittableRandom r, double disabilityShare) {
    int size = size(r);
    List<int[]> people = new ArrayList<>(); // {age, wantsWork}
    if (size == 1) {
      people.add(r.nextDouble() < 0.6 ? elder(r) : adult(r));
    } else if (size == 2) {
      double kind = r.nextDouble();
      if (kind < 0.4) {
        people.add(elder(r));
        people.add(elder(r));
      } else if (kind < 0.7) {
        people.add(adult(r));
        people.add(adult(r));
      } else {
        people.add(adult(r));
        people.add(child(r));
      }
    } else {
      int adults = r.nextDouble() < 0.85 ? 2 : 1;
      for (int i = 0; i < adults; i++) {
        people.add(adult(r));
      }
      int elders = Math.min(size - adults, r.nextInt(3));
      for (int i = 0; i < elders; i++) {
        people.add(elder(r));
      }
      while (people.size() < size) {
        people.add(child(r));
      }
    }
    List<Member> members = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      int age = people.get(i)[0];
      int grade = r.nextDouble() < disabilityShare ? 1 + r.nextInt(4) : 0;
      boolean labourer = people.get(i)[1] == 1 && grade == 0;
      members.add(new Member("m" + (i + 1), age, labourer, grade));
    }
    return members;
  }

  private static int size(SplittableRandom r) {
    int pick = r.nextInt(WEIGHT_TOTAL);
    for (int i = 0; i < SIZE_WEIGHTS.length; i++) {
      pick -= SIZE_WEIGHTS[i];
      if (pick < 0) {
        return i + 1;
      }
    }
    return SIZE_WEIGHTS.length;
  }

  private static int[] adult(SplittableRandom r) {
    return new int[] {22 + r.nextInt(38), 1};
  }

  private static int[] elder(SplittableRandom r) {
    return new int[] {62 + r.nextInt(27), 0};
  }

  private static int[] child(SplittableRandom r) {
    return new int[] {r.nextInt(18), 0};
  }

  private static List<Entitlement> entitlements(
      List<Member> members,
      boolean formerlyPoor,
      CountyShape shape,
      Standards standards,
      SplittableRandom r) {
    Map<Programme, Entitlement> held = new EnumMap<>(Programme.class);
    boolean singleElder =
        members.size() == 1 && !members.get(0).labourer() && members.get(0).age() >= 60;
    if (singleElder && r.nextDouble() < shape.extremePovertyShare()) {
      BigDecimal yearly =
          r.nextDouble() < 0.2
              ? standards.extremePovertyCentralisedPerYear()
              : standards.extremePovertyDispersedPerYear();
      held.put(
          Programme.EXTREME_POVERTY_SUPPORT,
          new Entitlement(
              Programme.EXTREME_POVERTY_SUPPORT,
              yearly.divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP),
              null));
    } else if (r.nextDouble() < shape.minimumLivingAllowanceShare() * (formerlyPoor ? 1.2 : 0.2)) {
      held.put(
          Programme.MINIMUM_LIVING_ALLOWANCE,
          new Entitlement(
              Programme.MINIMUM_LIVING_ALLOWANCE,
              standards
                  .minimumLivingAllowancePerPersonMonth()
                  .multiply(BigDecimal.valueOf(members.size())),
              null));
    }
    for (Member member : members) {
      if (!member.disabled()) {
        continue;
      }
      // one entitlement per programme and household: a second disabled member adds to it
      if (member.disabilityGrade() <= 2) {
        add(held, Programme.DISABILITY_CARE_SUBSIDY, standards.disabilityCareMonthly(), member);
      }
      if (formerlyPoor || held.containsKey(Programme.MINIMUM_LIVING_ALLOWANCE)) {
        add(held, Programme.DISABILITY_LIVING_SUBSIDY, standards.disabilityLivingMonthly(), member);
      }
    }
    List<Member> labourers = members.stream().filter(Member::labourer).toList();
    if (formerlyPoor && !labourers.isEmpty() && r.nextDouble() < shape.publicWelfareJobShare()) {
      int steps =
          standards
              .publicWelfareJobMaxMonthly()
              .subtract(standards.publicWelfareJobMinMonthly())
              .divide(BigDecimal.valueOf(50), 0, RoundingMode.DOWN)
              .intValue();
      BigDecimal pay =
          standards
              .publicWelfareJobMinMonthly()
              .add(BigDecimal.valueOf(50L * r.nextInt(steps + 1)));
      Member worker = labourers.get(r.nextInt(labourers.size()));
      held.put(
          Programme.PUBLIC_WELFARE_JOB,
          new Entitlement(Programme.PUBLIC_WELFARE_JOB, pay, worker.id()));
    }
    return List.copyOf(held.values());
  }

  private static void add(
      Map<Programme, Entitlement> held, Programme programme, BigDecimal amount, Member member) {
    held.merge(
        programme,
        new Entitlement(programme, amount, member.id()),
        (a, b) ->
            new Entitlement(programme, a.monthlyAmount().add(b.monthlyAmount()), a.memberId()));
  }

  /** Pairs households with cadres in order; a cadre helps households of one village only. */
  private static final class CadrePairing {
    private final double perCadre;
    private final SplittableRandom random;
    private final List<String> cadres;
    private int left;

    CadrePairing(double perCadre, SplittableRandom random, List<String> cadres) {
      this.perCadre = perCadre;
      this.random = random;
      this.cadres = cadres;
    }

    void newVillage() {
      left = 0;
    }

    String next() {
      if (left == 0) {
        cadres.add(String.format("cadre-%04d", cadres.size() + 1));
        int floor = (int) Math.floor(perCadre);
        left = random.nextDouble() < perCadre - floor ? floor + 1 : floor;
        // the demo accounts cadre-0001 and cadre-0002 get a few households to look after
        if (cadres.size() <= 2) {
          left = 3;
        }
      }
      left--;
      return cadres.get(cadres.size() - 1);
    }
  }
}
