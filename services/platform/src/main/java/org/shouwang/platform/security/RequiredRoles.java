package org.shouwang.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documentation only: the roles that may call an endpoint whose controller checks them in code
 * (with a scope, such as a cadre's own households) instead of with {@code @PreAuthorize}. The API
 * docs show them on each operation; nothing is enforced by this annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiredRoles {

  /** The roles that may call it. */
  Role[] value();

  /** How the code narrows their access, in the words people read (Chinese); empty for none. */
  String scope() default "";
}
