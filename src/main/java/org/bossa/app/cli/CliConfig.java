package org.bossa.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bossa.app.BossaProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * The {@code bossa.*} settings for the one-shot commands (join, leave, info ...), read from the same
 * places {@code bossa serve} reads them — the packaged application.yml, ./application.yml,
 * ./config/application.yml, SPRING_CONFIG_LOCATION / SPRING_CONFIG_ADDITIONAL_LOCATION, then
 * environment variables (BOSSA_DOMAIN_REALM ...) — without starting an application context, so a
 * command starts in milliseconds.
 */
public final class CliConfig {
    private CliConfig() {
    }

    /** The settings from the default places and the process environment. */
    public static BossaProperties load() {
        return load(System.getenv(), Path.of(""));
    }

    static BossaProperties load(Map<String, String> env, Path workingDir) {
        MutablePropertySources sources = new MutablePropertySources();
        // highest precedence first
        sources.addLast(new SystemEnvironmentPropertySource("environment", new java.util.HashMap<>(env)));
        List<Resource> files = new ArrayList<>();
        String location = env.get("SPRING_CONFIG_LOCATION");
        if (location == null || location.isBlank()) {
            files.add(new ClassPathResource("application.yml"));
            files.add(new FileSystemResource(workingDir.resolve("application.yml")));
            files.add(new FileSystemResource(workingDir.resolve("config/application.yml")));
        } else {
            files.addAll(resources(location));
        }
        String additional = env.get("SPRING_CONFIG_ADDITIONAL_LOCATION");
        if (additional != null && !additional.isBlank()) {
            files.addAll(resources(additional));
        }
        // later files override earlier ones, as in Spring Boot
        for (int i = files.size() - 1; i >= 0; i--) {
            for (PropertySource<?> ps : yaml(files.get(i))) {
                sources.addLast(ps);
            }
        }
        Iterable<ConfigurationPropertySource> attached = ConfigurationPropertySources.from(sources);
        return new Binder(attached).bind("bossa", Bindable.of(BossaProperties.class))
                .orElseGet(BossaProperties::new);
    }

    private static List<Resource> resources(String locations) {
        List<Resource> out = new ArrayList<>();
        for (String l : locations.split(",")) {
            String s = l.trim();
            if (s.startsWith("optional:")) {
                s = s.substring("optional:".length());
            }
            if (s.startsWith("file:")) {
                s = s.substring("file:".length());
            }
            if (!s.isEmpty()) {
                out.add(s.startsWith("classpath:") ? new ClassPathResource(s.substring("classpath:".length()))
                        : new FileSystemResource(s));
            }
        }
        return out;
    }

    private static List<PropertySource<?>> yaml(Resource r) {
        if (!r.exists()) {
            return List.of();
        }
        try {
            if (r instanceof FileSystemResource f && Files.isDirectory(f.getFile().toPath())) {
                return yaml(new FileSystemResource(f.getFile().toPath().resolve("application.yml")));
            }
            return new YamlPropertySourceLoader().load(r.getDescription(), r);
        } catch (IOException | RuntimeException e) {
            throw new CliException("cannot read settings from " + r.getDescription() + ": " + e.getMessage());
        }
    }
}
