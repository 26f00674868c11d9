package org.shouwang.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.shouwang.platform.PlatformDefaults;
import org.shouwang.testsupport.TestDefaults;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

class PlatformAccountsTests {

  @Test
  void refusesToStartWithNeitherAccountsNorDemoAccounts() {
    assertThatThrownBy(() -> start("shouwang.security.demo-users=false").close())
        .rootCause()
        .isInstanceOf(NoAccountsConfiguredException.class)
        .hasMessageContaining("shouwang.security.users")
        .hasMessageContaining("SHOUWANG_DEMO_USERS=true");
  }

  @Test
  void explainsInTheStartupReportHowToConfigureAccounts() {
    FailureAnalysis analysis =
        new NoAccountsConfiguredFailureAnalyzer()
            .analyze(new IllegalStateException(new NoAccountsConfiguredException()));

    assertThat(analysis).isNotNull();
    assertThat(analysis.getDescription()).contains("shouwang.security.users");
    assertThat(analysis.getAction())
        .contains("shouwang.security.users[0].username")
        .contains("SHOUWANG_DEMO_USERS=true");
  }

  @Test
  void startsWithConfiguredAccountsAndNoDemoAccounts() {
    try (ConfigurableApplicationContext context =
        start(
            "shouwang.security.demo-users=false",
            "shouwang.security.users[0].username=county-auditor",
            "shouwang.security.users[0].password={noop}secret",
            "shouwang.security.users[0].roles=AUDITOR")) {
      UserDetailsService users = context.getBean(UserDetailsService.class);

      assertThat(users.loadUserByUsername("county-auditor").getAuthorities())
          .extracting(Object::toString)
          .containsExactly("ROLE_AUDITOR");
      assertThatThrownBy(() -> users.loadUserByUsername("auditor"))
          .isInstanceOf(UsernameNotFoundException.class);
    }
  }

  @Test
  void leavesTheDemoAccountsOffByDefault() {
    MockEnvironment environment = new MockEnvironment();
    new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("shouwang.security.demo-users", Boolean.class)).isFalse();
  }

  @Test
  void turnsTheDemoAccountsOnWithTheirEnvironmentVariable() {
    MockEnvironment environment = new MockEnvironment().withProperty("SHOUWANG_DEMO_USERS", "true");
    new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("shouwang.security.demo-users", Boolean.class)).isTrue();
  }

  @Test
  void givesTestJvmsTheDemoAccountsWhicheverDefaultsComeFirst() {
    StandardEnvironment platformFirst = new StandardEnvironment();
    new PlatformDefaults().postProcessEnvironment(platformFirst, new SpringApplication());
    new TestDefaults().postProcessEnvironment(platformFirst, new SpringApplication());
    StandardEnvironment testFirst = new StandardEnvironment();
    new TestDefaults().postProcessEnvironment(testFirst, new SpringApplication());
    new PlatformDefaults().postProcessEnvironment(testFirst, new SpringApplication());

    assertThat(platformFirst.getProperty("shouwang.security.demo-users", Boolean.class)).isTrue();
    assertThat(testFirst.getProperty("shouwang.security.demo-users", Boolean.class)).isTrue();
  }

  /** Starts with the properties as arguments: default properties would lose to the tests' own. */
  private static ConfigurableApplicationContext start(String... properties) {
    return new SpringApplicationBuilder(App.class)
        .properties("server.port=0", "spring.main.banner-mode=off")
        .run(java.util.Arrays.stream(properties).map(p -> "--" + p).toArray(String[]::new));
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {}
}
