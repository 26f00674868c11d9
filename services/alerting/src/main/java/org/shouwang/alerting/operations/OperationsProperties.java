package org.shouwang.alerting.operations;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the pipeline's alerts go.
 *
 * @param wecomUrl the operators' WeCom group robot ({@code
 *     https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…}); empty: the relay refuses with 503
 * @param timeout how long one post to the robot may take
 */
@Validated
@ConfigurationProperties("shouwang.alerting.operations")
public record OperationsProperties(
    @DefaultValue("") String wecomUrl, @DefaultValue("10s") @NotNull Duration timeout) {}
