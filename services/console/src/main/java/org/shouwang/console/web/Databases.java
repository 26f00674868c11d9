package org.shouwang.console.web;

import com.zaxxer.hikari.HikariDataSource;
import org.shouwang.console.ConsoleProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two databases the console reads (never writes): alerting's, for case lists a cadre or
 * supervisor sorts and filters in ways the case API does not offer, and audit's, for the township
 * and village names only HOUSEHOLD_REGISTERED events carry. Pools start on first use.
 */
@Configuration(proxyBeanMethods = false)
class Databases {

  @Bean(destroyMethod = "close")
  HikariDataSource alertingDataSource(ConsoleProperties properties) {
    return pool("console-alerting", properties.alertingDatabase());
  }

  @Bean(destroyMethod = "close")
  HikariDataSource auditDataSource(ConsoleProperties properties) {
    return pool("console-audit", properties.auditDatabase());
  }

  @Bean
  JdbcClient alertingDatabase(@Qualifier("alertingDataSource") HikariDataSource source) {
    return JdbcClient.create(source);
  }

  @Bean
  JdbcClient auditDatabase(@Qualifier("auditDataSource") HikariDataSource source) {
    return JdbcClient.create(source);
  }

  private static HikariDataSource pool(String name, ConsoleProperties.Database database) {
    HikariDataSource pool = new HikariDataSource();
    pool.setPoolName(name);
    pool.setJdbcUrl(database.url());
    pool.setUsername(database.username());
    pool.setPassword(database.password());
    pool.setReadOnly(true);
    pool.setMaximumPoolSize(4);
    pool.setMinimumIdle(1);
    pool.setConnectionTimeout(5000);
    return pool;
  }
}
