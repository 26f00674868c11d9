package org.shouwang.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.shouwang.platform.security.PlatformSecurityConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;

/**
 * The web slice of ingest: both controllers, the platform's HTTP Basic security with the demo
 * accounts, small limits so the limit tests stay small. One annotation for every slice test class,
 * so that they share one context (with the same {@code @MockitoBean}s in each).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(
    properties = {
      "shouwang.ingest.max-records=2",
      "shouwang.ingest.csv.max-rows=2",
    })
// an auto-configuration, so that it comes before Boot's security defaults as in the application
@ImportAutoConfiguration(PlatformSecurityConfiguration.class)
// a slice leaves out the application's @ConfigurationPropertiesScan; the controllers need the
// limits
@EnableConfigurationProperties(IngestProperties.class)
// the import controller counts its files; a slice has no metrics auto-configuration
@Import(SimpleMeterRegistry.class)
public @interface IngestWebSlice {}
