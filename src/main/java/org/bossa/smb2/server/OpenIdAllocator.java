package org.bossa.smb2.server;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Server-wide FileId allocation. Volatile ids come from one counter, so no two opens of the server
 * (on any connection) ever share one; persistent ids are random, so knowing one open's volatile id
 * tells nothing about any open's persistent id, and a FileId is only found when both halves match.
 * Neither half is ever 0 or all-ones (the compound "same file" sentinel).
 */
final class OpenIdAllocator {
    private final AtomicLong nextVolatile = new AtomicLong(1);
    private final SecureRandom random = new SecureRandom();

    OpenId next() {
        long v = nextVolatile.getAndIncrement();
        long p;
        do {
            p = random.nextLong();
        } while (p == 0 || p == -1L || p == v);
        return new OpenId(p, v);
    }
}
