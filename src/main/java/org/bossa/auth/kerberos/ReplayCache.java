package org.bossa.auth.kerberos;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * The acceptor's memory of authenticators it has accepted (RFC 4120 3.2.3: a server must refuse an
 * authenticator it has already seen while the authenticator is still within the clock skew).
 *
 * <p>An authenticator is identified by client, server, ctime, cusec and a hash of its ciphertext:
 * the hash is MIT's "hash extension", which keeps two genuine authenticators made in the same
 * microsecond (a client opening two connections at once) from being taken for one replayed. The
 * five fields are folded into one SHA-256 value, so an entry costs the same whatever the names'
 * length.
 *
 * <p>An entry is kept until its authenticator could no longer pass the clock-skew check (ctime plus
 * the skew, which the caller passes as the expiry); then it is dropped, oldest expiry first. The
 * number of entries is capped: when the cache is full of unexpired entries a new authenticator is
 * refused ({@link Admission#FULL}) rather than admitted unrecorded, which would let its replay
 * through. So that one principal logging on at a furious rate (a runaway script, or a client
 * trying to lock everyone else out) cannot fill the cache alone, a client may hold at most half of
 * it ({@link Admission#CLIENT_FULL}): beyond that only its own logons are refused. Thread-safe; every call is O(log n) under one lock, small beside the decryption that
 * precedes it.
 */
public final class ReplayCache {
    /** The default cap: about 10 MB, and 333 logons a second sustained over a 5-minute skew. */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    /** What {@link #admit} decided. */
    public enum Admission {
        /** Not seen before; now recorded. */
        FRESH,
        /** The same authenticator was accepted before and has not expired: refuse it. */
        REPLAY,
        /** The cache is full of unexpired entries, so the authenticator cannot be recorded: refuse it. */
        FULL,
        /** This client already holds its share (half the cache) of unexpired entries: refuse it. */
        CLIENT_FULL
    }

    /**
     * One authenticator.
     *
     * @param client the client principal (cname@crealm)
     * @param server the server principal (the ticket's sname@realm)
     * @param ctimeSeconds the authenticator's ctime, seconds since the epoch
     * @param cusec the authenticator's cusec
     * @param ciphertext the authenticator's encrypted bytes as received (only hashed, never kept)
     */
    public record Entry(String client, String server, long ctimeSeconds, int cusec, byte[] ciphertext) {
        public Entry {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(ciphertext, "ciphertext");
        }
    }

    /** The 256-bit digest of an entry. */
    private record Key(long a, long b, long c, long d) {
    }

    private record Expiring(Instant expiry, Key key, String client) {
    }

    private final int maxEntries;
    private final int maxPerClient;
    private final Map<String, Integer> perClient = new HashMap<>();
    private final Map<Key, Instant> entries = new HashMap<>();
    private final PriorityQueue<Expiring> byExpiry = new PriorityQueue<>((x, y) -> x.expiry().compareTo(y.expiry()));

    /** @param maxEntries the cap on remembered authenticators, at least 1 */
    public ReplayCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("a replay cache holds at least one entry");
        }
        this.maxEntries = maxEntries;
        this.maxPerClient = Math.max(1, maxEntries / 2);
    }

    /**
     * Records {@code entry} unless it is a replay or the cache is full.
     *
     * @param expiry when the authenticator stops being acceptable anyway (its ctime plus the clock skew)
     * @param now the acceptor's current time; entries whose expiry is before it are dropped first
     */
    public Admission admit(Entry entry, Instant expiry, Instant now) {
        Key key = digest(entry);
        synchronized (this) {
            evictExpired(now);
            if (entries.containsKey(key)) {
                return Admission.REPLAY;
            }
            if (entries.size() >= maxEntries) {
                return Admission.FULL;
            }
            if (perClient.getOrDefault(entry.client(), 0) >= maxPerClient) {
                return Admission.CLIENT_FULL;
            }
            entries.put(key, expiry);
            byExpiry.add(new Expiring(expiry, key, entry.client()));
            perClient.merge(entry.client(), 1, Integer::sum);
            return Admission.FRESH;
        }
    }

    /** The number of entries held (expired ones included until the next {@link #admit}). */
    public synchronized int size() {
        return entries.size();
    }

    public int maxEntries() {
        return maxEntries;
    }

    /** The most unexpired entries one client may hold. */
    public int maxPerClient() {
        return maxPerClient;
    }

    private void evictExpired(Instant now) {
        Expiring head;
        while ((head = byExpiry.peek()) != null && head.expiry().isBefore(now)) {
            byExpiry.poll();
            if (entries.remove(head.key(), head.expiry())) {
                perClient.computeIfPresent(head.client(), (c, n) -> n > 1 ? n - 1 : null);
            }
        }
    }

    private static Key digest(Entry e) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", ex);
        }
        // length-prefixed fields, so no two different entries encode alike
        update(sha, e.client().getBytes(StandardCharsets.UTF_8));
        update(sha, e.server().getBytes(StandardCharsets.UTF_8));
        sha.update(ByteBuffer.allocate(12).putLong(e.ctimeSeconds()).putInt(e.cusec()).array());
        update(sha, e.ciphertext());
        ByteBuffer d = ByteBuffer.wrap(sha.digest());
        return new Key(d.getLong(), d.getLong(), d.getLong(), d.getLong());
    }

    private static void update(MessageDigest sha, byte[] field) {
        sha.update(ByteBuffer.allocate(4).putInt(field.length).array());
        sha.update(field);
    }
}
