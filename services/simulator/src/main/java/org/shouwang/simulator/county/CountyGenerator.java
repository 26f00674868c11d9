package org.shouwang.simulator.county;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.shouwang.events.MonitoringCategory;
import org.shouwang.events.Programme;

/**
 * Builds a county shaped like the seed. A pure function of (seed, shape, standards, year).
 *
 * <p>Households are drawn in two passes: first who lives where (members, formerly poor or not,
 * monitoring, paired cadre), then the welfare programmes. The second pass needs the first: the
 * share of formerly poor households on 低保 is set so that {@link
 * CountyShape#formerlyPoorWelfareCoverage()} of formerly poor <em>people</em> are covered by 低保 or
 * 特困.
 */
public final class CountyGenerator {

  /** Hengyang County's code (DOMAIN.md). */
  public static final String COUNTY_CODE = "430421";

  public static final String COUNTY_NAME = "衡阳县";

  /**
   * Hengyang County's 25 townships (17 towns, 8 townships, the division since the 2015 merger; the
   * seed names none, so these are the county's public administrative division), the county seat
   * first. Codes are assigned in this order: {@code 430421101} 西渡镇 … {@code 430421125} 岘山乡.
   */
  public static final List<String> TOWNSHIP_NAMES =
      List.of(
          "西渡镇", "梅花镇", "三湖镇", "台源镇", "演陂镇", "金兰镇", "洪市镇", "曲兰镇", "金溪镇", "界牌镇", "渣江镇", "井头镇", "关市镇",
          "库宗桥镇", "杉桥镇", "石市镇", "集兵镇", "长安乡", "溪江乡", "大安乡", "樟木乡", "岣嵝乡", "栏垅乡", "板市乡", "岘山乡");

  /** How much likelier a formerly poor household is to be monitored than an ordinary one. */
  public static final int FORMERLY_POOR_MONITORING_WEIGHT = 8;

  private static final String VILLAGE_FIRST = "新石白长清竹枫桃杨柳黄高东西南北金银凤龙泉松梅荷茶云山田花乐";
  private static final String VILLAGE_SECOND = "塘湾山桥冲坪岭江湖溪源洲田园铺台";

  /** Household sizes 1–7 and their weights: mean ≈ 3.2 people (seed: 47,384 / 14,933). */
  private static final int[] SIZE_WEIGHTS = {12, 22, 25, 23, 11, 5, 2};

  private static final int WEIGHT_TOTAL = 100;
  private static final long SALT_TOWNSHIPS = 0x7A3C_11D5_0B9E_4F21L;
  private static final long SALT_HOUSEHOLDS = 0x2F6B_94E3_5A17_C80DL;

  /** A 低保 household's counted income stays below this share of the standard. */
  private static final double ALLOWANCE_INCOME_CEILING = 0.8;

  private CountyGenerator() {}

  /**
   * The county for a seed and shape, with entitlements at the standards of the table's newest year.
   * Prefer {@link #generate(long, CountyShape, Standards, int)} with the simulation's first year.
   */
  public static County generate(long seed, CountyShape shape, Standards standards) {
    return generate(seed, shape, standards, standards.latestYear());
  }

  /**
   * The county for a seed and shape.
   *
   * @param year the year whose standards the entitlements held at the start are granted at
   */
  public static County generate(long seed, CountyShape shape, Standards standards, int year) {
    SplittableRandom random = new SplittableRandom(seed ^ SALT_TOWNSHIPS);
    List<Township> townships = townships(shape, random);
    List<Village> villages = townships.stream().flatMap(t -> t.villages().stream()).toList();
    int[] perVillage = spread(shape.households(), villages.size(), random);

    List<Draft> drafts = new ArrayList<>(shape.households());
    List<String> cadres = new ArrayList<>();
    Map<String, Integer> serials = new HashMap<>();
    Map<String, Township> townshipByCode = new HashMap<>();
    townships.forEach(t -> townshipByCode.put(t.code(), t));
    double[] monitoring = monitoringChances(shape);
    CadrePairing pairing =
        new CadrePairing(
            shape.householdsPerCadre(), shape.householdsPerVillageCadre(), random, cadres);
    for (int v = 0; v < villages.size(); v++) {
      Village village = villages.get(v);
      Township township = townshipByCode.get(village.townshipCode());
      pairing.newVillage();
      for (int n = 0; n < perVillage[v]; n++) {
        int index = drafts.size();
        int serial = serials.merge(township.code(), 1, Integer::sum);
        String id = COUNTY_CODE + "-" + township.shortCode() + "-" + String.format("%05d", serial);
        Draft draft =
            draft(index, id, township, village, shape, monitoring, householdRandom(seed, index));
        draft.cadreId = pairing.next(draft.formerlyPoor || draft.category != null);
        drafts.add(draft);
      }
    }
    double allowanceChance = formerlyPoorAllowanceChance(drafts, shape);
    List<Household> households = new ArrayList<>(drafts.size());
    for (Draft draft : drafts) {
      households.add(household(draft, allowanceChance, shape, standards, year));
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
    int names = TOWNSHIP_NAMES.size();
    for (int t = 0; t < shape.townships(); t++) {
      String code = COUNTY_CODE + (101 + t);
      String name =
          t < names
              ? TOWNSHIP_NAMES.get(t)
              : TOWNSHIP_NAMES.get(t % names).replaceFirst("([镇乡])$", (t / names + 1) + "$1");
      List<String> villageNames = villageNames(random);
      List<Village> villages = new ArrayList<>();
      int count = Math.min(99, Math.max(1, villageCounts[t]));
      for (int v = 0; v < count; v++) {
        villages.add(new Village(code + (201 + v), villageNames.get(v), code));
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

  /**
   * The chance to be monitored at the start for {formerly poor, ordinary}: the formerly poor
   * {@value #FORMERLY_POOR_MONITORING_WEIGHT} times likelier, {@code monitoredShare} over all.
   */
  private static double[] monitoringChances(CountyShape shape) {
    double f = shape.formerlyPoorShare();
    double ordinary = shape.monitoredShare() / (FORMERLY_POOR_MONITORING_WEIGHT * f + (1 - f));
    return new double[] {Math.min(1, FORMERLY_POOR_MONITORING_WEIGHT * ordinary), ordinary};
  }

  /** A household before its welfare programmes are known. */
  private static final class Draft {
    final int index;
    final String id;
    final Township township;
    final Village village;
    final List<Member> members;
    final boolean formerlyPoor;
    final MonitoringCategory category;
    final double incomeFactor;
    final boolean extremePoverty;
    final boolean centralised;
    final double allowanceDraw;
    final double allowanceWeight;
    final SplittableRandom random;
    String cadreId;

    Draft(
        int index,
        String id,
        Township township,
        Village village,
        List<Member> members,
        boolean formerlyPoor,
        MonitoringCategory category,
        double incomeFactor,
        boolean extremePoverty,
        boolean centralised,
        double allowanceDraw,
        SplittableRandom random) {
      this.index = index;
      this.id = id;
      this.township = township;
      this.village = village;
      this.members = members;
      this.formerlyPoor = formerlyPoor;
      this.category = category;
      this.incomeFactor = incomeFactor;
      this.extremePoverty = extremePoverty;
      this.centralised = centralised;
      this.allowanceDraw = allowanceDraw;
      this.random = random;
      // households nobody in which can work, or with a disabled member, are likelier on 低保
      boolean noLabour = members.stream().noneMatch(Member::labourer);
      boolean disabled = members.stream().anyMatch(Member::disabled);
      this.allowanceWeight = 1 + (noLabour ? 2 : 0) + (disabled ? 1 : 0);
    }
  }

  private static Draft draft(
      int index,
      String id,
      Township township,
      Village village,
      CountyShape shape,
      double[] monitoring,
      SplittableRandom r) {
    List<Member> members = members(r, shape.disabilityShare());
    boolean formerlyPoor = r.nextDouble() < shape.formerlyPoorShare();
    MonitoringCategory category = null;
    if (r.nextDouble() < monitoring[formerlyPoor ? 0 : 1]) {
      category =
          r.nextDouble() < 0.2
              ? MonitoringCategory.SUDDEN_HARDSHIP
              : formerlyPoor ? MonitoringCategory.UNSTABLE_LIFTED : MonitoringCategory.MARGINAL;
    }
    // per-capita income between 1.4 and 3.4 times the line, most households near the low end
    double incomeFactor = 1.4 + 2.0 * Math.pow(r.nextDouble(), 1.5);
    boolean singleElder =
        members.size() == 1 && !members.get(0).labourer() && members.get(0).age() >= 60;
    boolean extremePoverty = singleElder && r.nextDouble() < shape.extremePovertyShare();
    boolean centralised = r.nextDouble() < 0.2;
    double allowanceDraw = r.nextDouble();
    return new Draft(
        index,
        id,
        township,
        village,
        List.copyOf(members),
        formerlyPoor,
        category,
        incomeFactor,
        extremePoverty,
        centralised,
        allowanceDraw,
        r);
  }

  /** Whether a draft gets 低保 at a base chance (formerly poor) or the ordinary share. */
  private static boolean onAllowance(Draft d, double formerlyPoorChance, CountyShape shape) {
    if (d.extremePoverty) {
      return false;
    }
    if (d.formerlyPoor) {
      return d.allowanceDraw < Math.min(1, formerlyPoorChance * d.allowanceWeight);
    }
    return d.allowanceDraw < shape.minimumLivingAllowanceShare();
  }

  /**
   * The base chance of a formerly poor household to be on 低保 (times its weight) that covers the
   * shape's share of formerly poor people with 低保 or 特困: the smallest such chance, found by
   * bisection over the drawn households, so the share holds to within one household.
   */
  private static double formerlyPoorAllowanceChance(List<Draft> drafts, CountyShape shape) {
    long people = 0;
    long supported = 0;
    List<Draft> candidates = new ArrayList<>();
    for (Draft d : drafts) {
      if (!d.formerlyPoor) {
        continue;
      }
      people += d.members.size();
      if (d.extremePoverty) {
        supported += d.members.size();
      } else {
        candidates.add(d);
      }
    }
    double target = shape.formerlyPoorWelfareCoverage() * people - supported;
    if (target <= 0 || candidates.isEmpty()) {
      return 0;
    }
    double low = 0;
    double high = 1;
    for (int i = 0; i < 50; i++) {
      double mid = (low + high) / 2;
      long covered = 0;
      for (Draft d : candidates) {
        if (onAllowance(d, mid, shape)) {
          covered += d.members.size();
        }
      }
      if (covered >= target) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return high;
  }

  private static Household household(
      Draft d, double allowanceChance, CountyShape shape, Standards standards, int year) {
    SplittableRandom r = d.random;
    Map<Programme, Entitlement> held = new EnumMap<>(Programme.class);
    BigDecimal allowanceIncome = null;
    if (d.extremePoverty) {
      BigDecimal yearly =
          d.centralised
              ? standards.extremePovertyCentralisedPerYear(year)
              : standards.extremePovertyDispersedPerYear(year);
      held.put(
          Programme.EXTREME_POVERTY_SUPPORT,
          new Entitlement(
              Programme.EXTREME_POVERTY_SUPPORT,
              yearly.divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP),
              null));
    } else if (onAllowance(d, allowanceChance, shape)) {
      // 低保 tops the counted income up to the standard: (standard − income) × members
      BigDecimal standard = standards.minimumLivingAllowancePerPersonMonth(year);
      allowanceIncome =
          standard
              .multiply(BigDecimal.valueOf(ALLOWANCE_INCOME_CEILING * r.nextDouble()))
              .setScale(0, RoundingMode.DOWN);
      held.put(
          Programme.MINIMUM_LIVING_ALLOWANCE,
          new Entitlement(
              Programme.MINIMUM_LIVING_ALLOWANCE,
              standard.subtract(allowanceIncome).multiply(BigDecimal.valueOf(d.members.size())),
              null));
    }
    for (Member member : d.members) {
      if (!member.disabled()) {
        continue;
      }
      // one entitlement per programme and household: a second disabled member adds to it
      if (member.disabilityGrade() <= 2) {
        add(held, Programme.DISABILITY_CARE_SUBSIDY, standards.disabilityCareMonthly(), member);
      }
      if (d.formerlyPoor || held.containsKey(Programme.MINIMUM_LIVING_ALLOWANCE)) {
        add(held, Programme.DISABILITY_LIVING_SUBSIDY, standards.disabilityLivingMonthly(), member);
      }
    }
    List<Member> labourers = d.members.stream().filter(Member::labourer).toList();
    if (d.formerlyPoor && !labourers.isEmpty() && r.nextDouble() < shape.publicWelfareJobShare()) {
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
    return new Household(
        d.index,
        d.id,
        d.township,
        d.village,
        d.cadreId,
        d.members,
        d.formerlyPoor,
        d.category,
        d.incomeFactor,
        List.copyOf(held.values()),
        allowanceIncome);
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

  private static void add(
      Map<Programme, Entitlement> held, Programme programme, BigDecimal amount, Member member) {
    held.merge(
        programme,
        new Entitlement(programme, amount, member.id()),
        (a, b) ->
            new Entitlement(programme, a.monthlyAmount().add(b.monthlyAmount()), a.memberId()));
  }

  /**
   * Pairs households with cadres in order; a cadre helps households of one village only. Formerly
   * poor and monitored households get a paired cadre (结对帮扶, a few households each), ordinary
   * households a village cadre (many each).
   */
  private static final class CadrePairing {
    private static final int DEMO_CADRES = 2;
    private static final int DEMO_HOUSEHOLDS_EACH = 3;
    private final double perPairedCadre;
    private final double perVillageCadre;
    private final SplittableRandom random;
    private final List<String> cadres;
    private final Slot paired = new Slot();
    private final Slot village = new Slot();
    private final Slot demo = new Slot();
    private int demoCadres;

    CadrePairing(
        double perPairedCadre,
        double perVillageCadre,
        SplittableRandom random,
        List<String> cadres) {
      this.perPairedCadre = perPairedCadre;
      this.perVillageCadre = perVillageCadre;
      this.random = random;
      this.cadres = cadres;
    }

    void newVillage() {
      paired.left = 0;
      village.left = 0;
      demo.left = 0;
    }

    String next(boolean needsPairing) {
      if (demoCadres < DEMO_CADRES || demo.left > 0) {
        // the demo accounts cadre-0001 and cadre-0002 look after the county's first households,
        // three each (fewer when the village has fewer), of whichever kind
        if (demo.left == 0) {
          demo.cadre = newCadre();
          demo.left = DEMO_HOUSEHOLDS_EACH;
          demoCadres++;
        }
        demo.left--;
        return demo.cadre;
      }
      Slot slot = needsPairing ? paired : village;
      if (slot.left == 0) {
        slot.cadre = newCadre();
        double per = needsPairing ? perPairedCadre : perVillageCadre;
        int floor = (int) Math.floor(per);
        slot.left = random.nextDouble() < per - floor ? floor + 1 : floor;
      }
      slot.left--;
      return slot.cadre;
    }

    private String newCadre() {
      cadres.add(String.format("cadre-%04d", cadres.size() + 1));
      return cadres.get(cadres.size() - 1);
    }
  }

  private static final class Slot {
    int left;
    String cadre;
  }
}
