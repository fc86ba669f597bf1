package org.bossa.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.bossa.domain.GroupLookup;
import org.bossa.dtyp.Sid;

/**
 * The host's POSIX groups by name, from the group file ({@code /etc/group}, the "files" source of
 * NSS): a group is {@code S-1-22-2-gid}, the Unix alias a token carries for each of its gids, so a
 * local group entry matches a user whose primary or supplementary gid it is. Other NSS sources
 * (sssd, LDAP) are not consulted. The file is read at each lookup; answers are cached above.
 */
public final class HostGroups {
    /** Longest group file read: a larger one is refused rather than loaded whole. */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    private final Path groupFile;

    public HostGroups(Path groupFile) {
        this.groupFile = Objects.requireNonNull(groupFile);
    }

    public static HostGroups system() {
        return new HostGroups(Path.of("/etc/group"));
    }

    public GroupLookup lookup(String name) {
        List<String> lines;
        try {
            if (Files.size(groupFile) > MAX_FILE_BYTES) {
                return new GroupLookup.Failed(groupFile + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            lines = Files.readAllLines(groupFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new GroupLookup.Failed(groupFile + " does not exist");
        } catch (IOException e) {
            return new GroupLookup.Failed("cannot read " + groupFile + ": " + e.getMessage());
        }
        for (String line : lines) {
            // name:password:gid:members; '+'/'-' lines are NIS compat markers, '#' comments
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '+' || line.charAt(0) == '-') {
                continue;
            }
            String[] f = line.split(":", -1);
            if (f.length < 3 || !f[0].equals(name)) {
                continue;
            }
            try {
                long gid = Long.parseLong(f[2]);
                if (gid < 0 || gid > 0xFFFFFFFEL) {
                    continue;
                }
                return new GroupLookup.Found(Sid.unixGroup(gid));
            } catch (NumberFormatException malformed) {
                continue;
            }
        }
        return GroupLookup.NOT_FOUND;
    }
}
