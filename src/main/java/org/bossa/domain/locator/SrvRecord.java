package org.bossa.domain.locator;

import org.bossa.text.LogSafe;

/**
 * A DNS SRV record's data (RFC 2782): priority, weight, port, target host (without the final dot).
 */
public record SrvRecord(int priority, int weight, int port, String target) {

    public SrvRecord {
        if (priority < 0 || priority > 65535 || weight < 0 || weight > 65535 || port < 0 || port > 65535) {
            throw new IllegalArgumentException("SRV fields outside 0-65535: " + priority + " " + weight + " " + port);
        }
    }

    /**
     * Parses the presentation form the JNDI DNS provider gives, {@code "0 100 389 dc1.example.test."}.
     *
     * @throws IllegalArgumentException when it is not four fields with numbers in 0-65535
     */
    static SrvRecord parse(String text) {
        String[] f = text.strip().split("\\s+");
        if (f.length != 4) {
            throw new IllegalArgumentException("SRV record " + LogSafe.quote(text) + " does not have 4 fields");
        }
        try {
            String target = f[3].endsWith(".") && f[3].length() > 1 ? f[3].substring(0, f[3].length() - 1) : f[3];
            return new SrvRecord(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]), target);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SRV record " + LogSafe.quote(text) + " has a field that is not a number");
        }
    }

    /** RFC 2782: a target of "." means the service is decidedly not available at this domain. */
    boolean unavailable() {
        return target.equals(".");
    }
}
