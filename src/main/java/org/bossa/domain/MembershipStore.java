package org.bossa.domain;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.bossa.store.StateStore;

/**
 * Keeps the {@link DomainMembership} in the state store (the 0600 embedded database) as one secret
 * record, so a join, a password change or a leave replaces it in one atomic write.
 */
public final class MembershipStore {
    /** The secret key the membership is stored under. */
    public static final String KEY = "domain.membership";
    private static final String FORMAT = "1";

    private final StateStore store;

    public MembershipStore(StateStore store) {
        this.store = Objects.requireNonNull(store);
    }

    /** The stored membership; empty if this server is not joined. */
    public Optional<DomainMembership> load() {
        return store.getSecret(KEY).map(MembershipStore::decode);
    }

    /** Stores {@code membership}, replacing any previous one. */
    public void save(DomainMembership membership) {
        store.putSecret(KEY, encode(membership));
    }

    /** Deletes the stored membership (and the running server's secure channel report); false if there was none. */
    public boolean delete() {
        store.deleteSecret(SecureChannelReport.KEY);
        return store.deleteSecret(KEY);
    }

    static byte[] encode(DomainMembership m) {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("realm", m.realm());
        p.setProperty("dns-domain", m.dnsDomain());
        p.setProperty("netbios-domain", m.netbiosDomain());
        p.setProperty("domain-sid", m.domainSid());
        p.setProperty("netbios-name", m.computer().netbiosName());
        p.setProperty("member-dns-domain", m.computer().dnsDomain());
        p.setProperty("computer-dn", m.computerDn());
        p.setProperty("kvno", Integer.toString(m.kvno()));
        p.setProperty("encryption-types", Integer.toString(m.encryptionTypes()));
        p.setProperty("machine-password", m.machinePassword());
        m.previousPassword().ifPresent(prev -> p.setProperty("previous-password", prev));
        p.setProperty("keytab", m.keytab().toString());
        p.setProperty("dc", m.dcHostName());
        p.setProperty("dc-site", m.dcSite());
        p.setProperty("joined-at", m.joinedAt().toString());
        p.setProperty("password-changed-at", m.passwordChangedAt().toString());
        StringWriter w = new StringWriter();
        try {
            p.store(w, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    static DomainMembership decode(byte[] bytes) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
            if (!FORMAT.equals(p.getProperty("format"))) {
                throw new IllegalStateException("stored domain membership has unknown format "
                        + p.getProperty("format"));
            }
            return new DomainMembership(req(p, "realm"), req(p, "dns-domain"), req(p, "netbios-domain"),
                    req(p, "domain-sid"), new ComputerName(req(p, "netbios-name"), req(p, "member-dns-domain")),
                    req(p, "computer-dn"), Integer.parseInt(req(p, "kvno")),
                    Integer.parseInt(req(p, "encryption-types")), req(p, "machine-password"),
                    Optional.ofNullable(p.getProperty("previous-password")), Path.of(req(p, "keytab")),
                    req(p, "dc"), req(p, "dc-site"), Instant.parse(req(p, "joined-at")),
                    Instant.parse(req(p, "password-changed-at")));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalStateException("stored domain membership is damaged: " + e.getMessage(), e);
        }
    }

    private static String req(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return v;
    }
}
