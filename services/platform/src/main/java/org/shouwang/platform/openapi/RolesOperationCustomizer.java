package org.shouwang.platform.openapi;

import io.swagger.v3.oas.models.Operation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shouwang.platform.security.RequiredRoles;
import org.shouwang.platform.security.Role;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

/**
 * Writes the roles an operation needs into its description ({@code 需要角色: AUDITOR, ADMIN}) and into
 * the {@code x-required-roles} extension, from {@code @PreAuthorize} on the method or else its
 * class, or from the documentation-only {@link RequiredRoles} where the controller checks in code.
 * Without either, any logged-in account may call it.
 */
class RolesOperationCustomizer implements OperationCustomizer {

  static final String EXTENSION = "x-required-roles";

  /** A role named in hasRole('X'), hasAnyRole('X', 'Y'), hasAuthority('ROLE_X') and the like. */
  private static final Pattern ROLE_ARGUMENT =
      Pattern.compile("has(?:Any)?(?:Role|Authority)\\(([^)]*)\\)");

  private static final Pattern QUOTED = Pattern.compile("'(?:ROLE_)?([A-Z_]+)'");

  @Override
  public Operation customize(Operation operation, HandlerMethod handler) {
    List<String> lines = new ArrayList<>();
    Set<String> roles = new LinkedHashSet<>();
    PreAuthorize preAuthorize = find(handler, PreAuthorize.class);
    RequiredRoles required = find(handler, RequiredRoles.class);
    if (preAuthorize != null) {
      roles.addAll(rolesOf(preAuthorize.value()));
    }
    if (required != null) {
      for (Role role : required.value()) {
        roles.add(role.name());
      }
    }
    if (roles.isEmpty()) {
      lines.add("需要角色: 任何已登录账号");
    } else {
      lines.add("需要角色: " + String.join(", ", roles));
      operation.addExtension(EXTENSION, List.copyOf(roles));
    }
    if (required != null && !required.scope().isBlank()) {
      lines.add("访问范围: " + required.scope());
    }
    String roleText = String.join("\n\n", lines);
    String description = operation.getDescription();
    operation.setDescription(
        description == null || description.isBlank() ? roleText : description + "\n\n" + roleText);
    return operation;
  }

  /** The role names an expression requires, in the order it names them. */
  static Set<String> rolesOf(String expression) {
    Set<String> roles = new LinkedHashSet<>();
    Matcher call = ROLE_ARGUMENT.matcher(expression);
    while (call.find()) {
      Matcher quoted = QUOTED.matcher(call.group(1));
      while (quoted.find()) {
        roles.add(quoted.group(1));
      }
    }
    return roles;
  }

  /** The annotation on the method, else on its controller class. */
  private static <A extends java.lang.annotation.Annotation> A find(
      HandlerMethod handler, Class<A> type) {
    A onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), type);
    return onMethod != null
        ? onMethod
        : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), type);
  }
}
