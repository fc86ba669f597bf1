package org.bossa.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The Spring Boot application the {@code serve} command runs. Only org.bossa.app is scanned. */
@SpringBootApplication(scanBasePackages = "org.bossa.app")
@EnableConfigurationProperties(BossaProperties.class)
public class BossaApplication {
}
