package org.shouwang.console.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Form login with a session cookie on the platform's accounts ({@code shouwang.security.users}, or
 * the demo accounts), CSRF protection on every form and htmx request, and logout. Declaring a chain
 * here replaces the platform's stateless HTTP Basic chain, which is for the APIs.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

  /** The session attribute the login page reads its message from. */
  static final String LOGIN_MESSAGE = "shouwang.console.login-message";

  @Bean
  AuthenticationManager consoleAuthentication(
      UserDetailsService users, PasswordEncoder passwords, LoginAttempts attempts) {
    DaoAuthenticationProvider check = new DaoAuthenticationProvider(users);
    check.setPasswordEncoder(passwords);
    ProviderManager manager =
        new ProviderManager(new ThrottledAuthenticationProvider(check, attempts));
    // the password is needed to call the APIs as the user; it never leaves the server
    manager.setEraseCredentialsAfterAuthentication(false);
    return manager;
  }

  @Bean
  SecurityFilterChain consoleSecurity(HttpSecurity http, AuthenticationManager authentication)
      throws Exception {
    http.authenticationManager(authentication)
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/login", "/actuator/**", "/error", "/*.js", "/*.css", "/favicon.ico")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .failureHandler(ConsoleSecurityConfiguration::loginFailed)
                    .permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
        .headers(
            headers ->
                headers.contentSecurityPolicy(
                    csp ->
                        csp.policyDirectives(
                            "default-src 'self'; style-src 'self' 'unsafe-inline';"
                                + " img-src 'self' data:; frame-ancestors 'none'")));
    return http.build();
  }

  private static void loginFailed(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    String message;
    if (e instanceof ThrottledAuthenticationProvider.ThrottledException throttled) {
      long seconds = Math.max(1, throttled.remaining().toSeconds());
      message =
          "该账号连续多次密码错误，已暂停登录，请"
              + (seconds >= 60 ? (seconds + 59) / 60 + " 分钟" : seconds + " 秒")
              + "后再试。";
    } else {
      message = "用户名或密码错误，请重新输入。";
    }
    request.getSession().setAttribute(LOGIN_MESSAGE, message);
    String username = request.getParameter("username");
    request.getSession().setAttribute(LOGIN_MESSAGE + ".username", username);
    response.sendRedirect(request.getContextPath() + "/login?error");
  }
}
