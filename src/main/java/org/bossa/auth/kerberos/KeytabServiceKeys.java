package org.bossa.auth.kerberos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.bossa.kerberos.KerberosName;
import org.bossa.kerberos.Keytab;
import org.bossa.kerberos.KeytabEntry;
import org.bossa.kerberos.KeytabFile;
import org.bossa.kerberos.KeytabFormatException;
import org.bossa.text.LogSafe;

/**
 * {@link ServiceKeys} over the machine keytab file. Every SPN and account name in the keytab is a
 * name we answer to (host/NAME, host/name.dns, cifs/..., NAME$): AD gives all of them the machine
 * account's keys.
 *
 * <p>The file is re-read when its identity (inode), size or modification time changes: the machine
 * password rotates while the server runs, and {@code bossa changetrustpw} replaces the keytab
 * (atomically, by rename) with the new kvno's keys plus the previous kvno's, so tickets issued
 * before the change still decrypt. A stat per lookup is the whole cost when nothing changed.
 *
 * <p>Names compare as AD compares them: the realm, and the components of one- and two-component
 * names (service class, host, account name), case-insensitively; names of three or more components
 * exactly.
 */
public final class KeytabServiceKeys implements ServiceKeys {
    /** What was read, and the file attributes it was read under. */
    private record Snapshot(Object fileKey, FileTime modified, long size, Keytab keytab) {
        boolean sameFile(BasicFileAttributes attrs) {
            return Objects.equals(fileKey, attrs.fileKey()) && modified.equals(attrs.lastModifiedTime())
                    && size == attrs.size();
        }
    }

    /** A failed read, kept as the answer until the file changes again. */
    private record Unreadable(Object fileKey, FileTime modified, long size, String detail) {
    }

    private final Path path;
    private final Object reloadLock = new Object();
    private volatile Snapshot snapshot;
    /** The last failed read (guarded by reloadLock): an unreadable file is not re-read until it changes. */
    private Unreadable lastFailure;

    /** @param path the keytab file; it need not exist yet (then no key is found until it does) */
    public KeytabServiceKeys(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    @Override
    public Lookup find(KerberosName server, int enctype, OptionalLong kvno) {
        Keytab keytab;
        try {
            keytab = current();
        } catch (KeytabUnavailable e) {
            return new Missing(Cause.UNAVAILABLE, e.getMessage());
        }
        List<KeytabEntry> named = keytab.entries().stream().filter(e -> matches(e.principal(), server)).toList();
        String who = LogSafe.quote(server.toString());
        if (named.isEmpty()) {
            return new Missing(Cause.UNKNOWN_PRINCIPAL, "the keytab " + path + " holds no key for " + who);
        }
        if (kvno.isPresent()) {
            long wanted = kvno.getAsLong();
            List<KeytabEntry> ofKvno = named.stream().filter(e -> e.kvno() == wanted).toList();
            if (ofKvno.isEmpty()) {
                return new Missing(Cause.UNKNOWN_KVNO, "the ticket for " + who + " is encrypted with kvno " + wanted
                        + " (" + Enctypes.name(enctype) + "); the keytab holds kvno " + kvnos(named));
            }
            return ofKvno.stream().filter(e -> e.enctype() == enctype).findFirst().<Lookup>map(KeytabServiceKeys::found)
                    .orElseGet(() -> new Missing(Cause.NO_KEY_FOR_ENCTYPE, "the keytab holds kvno " + wanted
                            + " of " + who + " but no " + Enctypes.name(enctype) + " key for it"));
        }
        // No kvno in the ticket: the newest key of the enctype, as MIT does for kvno 0.
        return named.stream().filter(e -> e.enctype() == enctype).max(Comparator.comparingLong(KeytabEntry::kvno))
                .<Lookup>map(KeytabServiceKeys::found)
                .orElseGet(() -> new Missing(Cause.NO_KEY_FOR_ENCTYPE,
                        "the keytab holds no " + Enctypes.name(enctype) + " key for " + who));
    }

    private static Found found(KeytabEntry e) {
        return new Found(e.encryptionKey(), e.kvno(), e.principal());
    }

    private static String kvnos(List<KeytabEntry> entries) {
        return entries.stream().map(KeytabEntry::kvno).distinct().sorted().map(String::valueOf)
                .collect(Collectors.joining(", "));
    }

    /** Whether the keytab's {@code entry} is the ticket's {@code wanted}, by AD's comparison rules. */
    static boolean matches(KerberosName entry, KerberosName wanted) {
        if (!entry.realm().equalsIgnoreCase(wanted.realm())) {
            return false;
        }
        List<String> a = entry.components();
        List<String> b = wanted.components();
        if (a.size() != b.size()) {
            return false;
        }
        if (a.size() > 2) {
            return a.equals(b);
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equalsIgnoreCase(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The keytab as the file now is, re-read if the file changed since the last look. */
    private Keytab current() throws KeytabUnavailable {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new KeytabUnavailable("the keytab " + path + " does not exist");
        } catch (IOException e) {
            throw new KeytabUnavailable("cannot stat the keytab " + path + ": " + e.getMessage());
        }
        Snapshot s = snapshot;
        if (s != null && s.sameFile(attrs)) {
            return s.keytab();
        }
        synchronized (reloadLock) {
            s = snapshot;
            if (s != null && s.sameFile(attrs)) {
                return s.keytab();
            }
            Unreadable failed = lastFailure;
            if (failed != null && Objects.equals(failed.fileKey(), attrs.fileKey())
                    && failed.modified().equals(attrs.lastModifiedTime()) && failed.size() == attrs.size()) {
                throw new KeytabUnavailable(failed.detail());
            }
            try {
                // attributes taken before the read: if the file is replaced in between we read it again next time
                Keytab keytab = KeytabFile.read(path);
                snapshot = new Snapshot(attrs.fileKey(), attrs.lastModifiedTime(), attrs.size(), keytab);
                lastFailure = null;
                return keytab;
            } catch (IOException | KeytabFormatException e) {
                String detail = "cannot read the keytab " + path + ": " + e.getMessage();
                lastFailure = new Unreadable(attrs.fileKey(), attrs.lastModifiedTime(), attrs.size(), detail);
                throw new KeytabUnavailable(detail);
            }
        }
    }

    @Override
    public String toString() {
        return "KeytabServiceKeys[" + path + "]";
    }

    private static final class KeytabUnavailable extends Exception {
        KeytabUnavailable(String message) {
            super(message, null, false, false);
        }
    }
}
