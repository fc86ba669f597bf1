package org.bossa.app;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code bossa serve [--bossa.smb.port=1445 ...]}: runs the file server until stopped. Arguments are
 * passed to Spring Boot, so every {@code bossa.*} key can be given on the command line.
 */
@Command(name = "serve", description = "Run the SMB file server (settings: application.yml, environment, --bossa.key=value)")
public final class ServeCommand implements java.util.concurrent.Callable<Integer> {

    @Unmatched
    private List<String> springArgs = new java.util.ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        SpringApplication app = new SpringApplication(BossaApplication.class);
        CountDownLatch stopped = new CountDownLatch(1);
        app.addListeners(event -> {
            if (event instanceof ContextClosedEvent) {
                stopped.countDown();
            }
        });
        ConfigurableApplicationContext ctx;
        try {
            ctx = app.run(springArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            // Spring Boot has already printed the failure report (naming the bad key or the port problem).
            return 1;
        }
        ctx.registerShutdownHook();
        stopped.await();
        return 0;
    }
}
