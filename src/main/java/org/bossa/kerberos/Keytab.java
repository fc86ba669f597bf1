package org.bossa.kerberos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;

/**
 * The keys of a keytab, in file order. Immutable; {@link #merge} makes the next generation when a
 * machine password changes. Read and written by {@link KeytabCodec}, stored by {@link KeytabFile}.
 */
public record Keytab(List<KeytabEntry> entries) {
    public Keytab {
        entries = List.copyOf(entries);
    }

    public static Keytab empty() {
        return new Keytab(List.of());
    }

    /** The entries whose principal equals {@code principal} (components and realm). */
    public List<KeytabEntry> entriesFor(KerberosName principal) {
        return entries.stream().filter(e -> e.principal().sameAs(principal)).toList();
    }

    /** The highest kvno held for {@code principal}. */
    public OptionalLong latestKvno(KerberosName principal) {
        return entriesFor(principal).stream().mapToLong(KeytabEntry::kvno).max();
    }

    /** The keys of the highest kvno for {@code principal}, for an AS exchange with keys. */
    public List<EncryptionKey> latestKeys(KerberosName principal) {
        OptionalLong kvno = latestKvno(principal);
        if (kvno.isEmpty()) {
            return List.of();
        }
        return entriesFor(principal).stream().filter(e -> e.kvno() == kvno.getAsLong())
                .map(KeytabEntry::encryptionKey).toList();
    }

    /**
     * This keytab with {@code added} (all of one new kvno per principal) merged in: for each
     * principal in {@code added}, the entries of the highest kvno below the new one are kept (the
     * previous password's keys still decrypt tickets issued before the change), older kvnos and any
     * entries at or above the new kvno are dropped. Other principals' entries are untouched.
     */
    public Keytab merge(List<KeytabEntry> added) {
        Map<KerberosName, Long> newKvno = new HashMap<>();
        for (KeytabEntry a : added) {
            Long prior = newKvno.putIfAbsent(key(a.principal()), a.kvno());
            if (prior != null && prior != a.kvno()) {
                throw new IllegalArgumentException("entries of two kvnos for " + a.principal());
            }
        }
        Map<KerberosName, Long> previousKvno = new HashMap<>();
        for (KeytabEntry e : entries) {
            Long n = newKvno.get(key(e.principal()));
            if (n != null && e.kvno() < n) {
                previousKvno.merge(key(e.principal()), e.kvno(), Math::max);
            }
        }
        List<KeytabEntry> out = new ArrayList<>();
        for (KeytabEntry e : entries) {
            KerberosName p = key(e.principal());
            if (!newKvno.containsKey(p) || previousKvno.getOrDefault(p, -1L) == e.kvno()) {
                out.add(e);
            }
        }
        out.addAll(added);
        return new Keytab(out);
    }

    /** Principals compare by components and upper-case realm; the name type does not matter. */
    private static KerberosName key(KerberosName p) {
        return new KerberosName(p.components(), p.realm().toUpperCase(java.util.Locale.ROOT), 0);
    }
}
