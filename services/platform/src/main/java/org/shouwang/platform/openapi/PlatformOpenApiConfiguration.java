package org.shouwang.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The API docs of a service that has springdoc on its class path: HTTP Basic as the one security
 * scheme (so Swagger UI's "Try it out" sends the login) and each operation's roles.
 */
@AutoConfiguration
@ConditionalOnClass(OperationCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PlatformOpenApiConfiguration {

  static final String BASIC = "basicAuth";

  @Bean
  @ConditionalOnMissingBean
  OpenAPI shouwangOpenApi(@Value("${spring.application.name:shouwang}") String application) {
    return new OpenAPI()
        .info(
            new Info()
                .title("守望 " + application + " API")
                .description("HTTP Basic 登录；每个接口的说明列出所需角色（CONTRACT.md 的角色）。")
                .version("v1"))
        .components(
            new Components()
                .addSecuritySchemes(
                    BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }

  @Bean
  OperationCustomizer shouwangRolesOperationCustomizer() {
    return new RolesOperationCustomizer();
  }
}
