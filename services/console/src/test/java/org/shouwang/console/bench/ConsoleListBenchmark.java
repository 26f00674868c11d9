package org.shouwang.console.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.shouwang.console.browser.ConsoleStack;

/**
 * Page loads of the case list with many open cases (not part of the test run: bench/console.sh).
 * The cases are written straight into alerting's database (the pipeline's throughput is alerting's
 * benchmark, not this one); the page is then loaded over HTTP with a logged-in session as the
 * county supervisor, who sees every one of them, and as a township supervisor.
 */
class ConsoleListBenchmark {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Test
  void caseListPageLoads() throws Exception {
    int cases = Integer.getInteger("bench.cases", 10_000);
    int loads = Integer.getInteger("bench.loads", 500);
    int warmup = Integer.getInteger("bench.warmup", 100);
    ConsoleStack stack = ConsoleStack.get();
    insertCases(stack.alertingJdbcUrl(), cases);

    for (String user : List.of("supervisor", "supervisor-101")) {
      HttpClient http =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
      login(http, stack, user);
      URI list = URI.create(stack.consoleUrl("/cases"));
      String first = get(http, list);
      assertThat(first).contains("case-list");
      for (int i = 0; i < warmup; i++) {
        get(http, list);
      }
      List<Long> micros = new ArrayList<>(loads);
      for (int i = 0; i < loads; i++) {
        long start = System.nanoTime();
        get(http, list);
        micros.add((System.nanoTime() - start) / 1000);
      }
      Collections.sort(micros);
      System.out.printf(
          "BENCH console case-list user=%s open-cases=%d loads=%d warmup=%d p50=%.1fms"
              + " p95=%.1fms p99=%.1fms max=%.1fms%n",
          user,
          cases,
          loads,
          warmup,
          at(micros, 0.50),
          at(micros, 0.95),
          at(micros, 0.99),
          micros.get(micros.size() - 1) / 1000.0);
    }
  }

  private static double at(List<Long> sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1000.0;
  }

  private static void login(HttpClient http, ConsoleStack stack, String user) throws Exception {
    String page = get(http, URI.create(stack.consoleUrl("/login")));
    Matcher token = CSRF.matcher(page);
    assertThat(token.find()).isTrue();
    String form =
        "username="
            + user
            + "&password=shouwang&_csrf="
            + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(stack.consoleUrl("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.body()).contains("logout");
  }

  private static String get(HttpClient http, URI uri) throws Exception {
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /** Open cases over 5 townships and 50 villages, each with one alert, in two statements. */
  private static void insertCases(String jdbcUrl, int cases) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
        Statement s = c.createStatement()) {
      s.execute(
          "insert into cases (case_id, household_id, audience, state, severity, township_code,"
              + " village_code, cadre_id, opened_at, updated_at, deadline_kind, deadline,"
              + " escalation_level)"
              + " select md5('bench' || i)::uuid, 'bench-' || i, 'CADRE',"
              + " (array['OPEN','ACKNOWLEDGED','VERIFIED','ASSISTING'])[1 + i % 4],"
              + " (array['LOW','MEDIUM','HIGH','CRITICAL'])[1 + i % 4],"
              + " '43042110' || (1 + i % 5), '43042110' || (1 + i % 5) || lpad('' || (i % 10), 3,"
              + " '0'), 'cadre-' || lpad('' || (i % 200), 4, '0'), now() - interval '3 days',"
              + " now() - (i % 100) * interval '1 minute', 'ACKNOWLEDGE',"
              + " now() + (i % 200 - 20) * interval '1 hour', i % 3 / 2"
              + " from generate_series(1, "
              + cases
              + ") i");
      s.execute(
          "insert into alerts (alert_id, household_id, rule, severity, audience, detected_at,"
              + " township_code, village_code, cadre_id, payload, received_at, case_id)"
              + " select 'bench-alert-' || c.household_id, c.household_id,"
              + " (array['LOW_INCOME','MEDICAL_BURDEN','UNSAFE_HOUSING','LOAN_OVERDUE'])"
              + "[1 + abs(hashtext(c.household_id)) % 4], c.severity, 'CADRE', c.opened_at,"
              + " c.township_code, c.village_code, c.cadre_id, '{}', c.opened_at, c.case_id"
              + " from cases c where c.household_id like 'bench-%'");
      s.execute("analyze cases");
      s.execute("analyze alerts");
    }
  }
}
