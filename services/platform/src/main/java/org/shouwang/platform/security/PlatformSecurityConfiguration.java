package org.shouwang.platform.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP Basic on {@code /api/**} and on the API docs ({@code /v3/api-docs}, Swagger UI) with the
 * contract's roles; actuator endpoints open so Prometheus and health checks need no account.
 * Refusals are RFC 9457 problem details.
 */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableMethodSecurity
public class PlatformSecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PlatformSecurityConfiguration.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Bean
  @ConditionalOnMissingBean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  @ConditionalOnMissingBean
  UserDetailsService shouwangUsers(SecurityProperties properties) {
    List<SecurityProperties.User> users = properties.users();
    if (users.isEmpty()) {
      if (!properties.demoUsers()) {
        // a service nobody can log in to is a misconfiguration, not a locked-down deployment
        throw new NoAccountsConfiguredException();
      }
      log.warn(
          "No shouwang.security.users configured: installing the demo accounts from the README"
              + " (shouwang.security.demo-users=true). Configure real accounts before production"
              + " use.");
      users = DemoUsers.USERS;
    }
    List<ShouwangUser> accounts =
        users.stream()
            .map(
                u ->
                    new ShouwangUser(
                        u.username(),
                        u.password(),
                        u.roles(),
                        u.cadreId(),
                        u.townshipCode(),
                        u.department()))
            .toList();
    return username ->
        accounts.stream()
            .filter(a -> a.getUsername().equals(username))
            .findFirst()
            // a copy: Spring erases the credentials of the instance it authenticates
            .map(
                a ->
                    new ShouwangUser(
                        a.getUsername(),
                        a.getPassword(),
                        a.roles(),
                        a.cadreId(),
                        a.townshipCode(),
                        a.department()))
            .orElseThrow(() -> new UsernameNotFoundException("no such user"));
  }

  @Bean
  @ConditionalOnMissingBean
  SecurityFilterChain shouwangSecurityFilterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/**", "/error")
                    .permitAll()
                    // the API docs and Swagger UI need the same login as the API they describe
                    .requestMatchers(
                        "/api/**",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui/**",
                        "/swagger-ui.html")
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        .httpBasic(
            basic ->
                basic.authenticationEntryPoint(
                    (request, response, e) -> {
                      response.setHeader("WWW-Authenticate", "Basic realm=\"shouwang\"");
                      problem(
                          response,
                          HttpStatus.UNAUTHORIZED,
                          "Authentication is required: send HTTP Basic credentials.",
                          request.getRequestURI());
                    }))
        .exceptionHandling(
            ex ->
                ex.accessDeniedHandler(
                    (request, response, e) ->
                        problem(
                            response,
                            HttpStatus.FORBIDDEN,
                            "Your role may not do this.",
                            request.getRequestURI())))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // a stateless API for machines and apps: no browser session to protect
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  private static void problem(
      jakarta.servlet.http.HttpServletResponse response,
      HttpStatus status,
      String detail,
      String path)
      throws java.io.IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(java.net.URI.create(path));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(JSON.writeValueAsBytes(problem));
  }
}
