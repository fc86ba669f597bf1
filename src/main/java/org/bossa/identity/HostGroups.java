package org.bossa.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
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
            lines = read();
        } catch (NoSuchFileException e) {
            return new GroupLookup.Failed(groupFile + " does not exist");
        } catch (IOException e) {
            return new GroupLookup.Failed("cannot read " + groupFile + ": " + e.getMessage());
        }
        for (String line : lines) {
            Entry g = Entry.parse(line);
            if (g != null && g.name().equals(name)) {
                return new GroupLookup.Found(Sid.unixGroup(g.gid()));
            }
        }
        return GroupLookup.NOT_FOUND;
    }

    /**
     * The gids of the groups that list {@code user} as a member (what getgrouplist(3) finds in the
     * files source, less the primary group): a local user's supplementary groups, as Samba gives a
     * Unix user. Empty when the file cannot be read.
     */
    public List<Long> memberships(String user) {
        List<Long> gids = new ArrayList<>();
        try {
            for (String line : read()) {
                Entry g = Entry.parse(line);
                if (g != null && g.members().contains(user)) {
                    gids.add(g.gid());
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return gids;
    }

    private List<String> read() throws IOException {
        if (Files.size(groupFile) > MAX_FILE_BYTES) {
            throw new IOException(groupFile + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        return Files.readAllLines(groupFile, StandardCharsets.UTF_8);
    }

    /** One line of the group file: name:password:gid:member,member... */
    private record Entry(String name, long gid, List<String> members) {
        /** The entry, or null for comments, NIS compat markers ('+'/'-') and malformed lines. */
        static Entry parse(String line) {
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '+' || line.charAt(0) == '-') {
                return null;
            }
            String[] f = line.split(":", -1);
            if (f.length < 3) {
                return null;
            }
            try {
                long gid = Long.parseLong(f[2]);
                if (gid < 0 || gid > 0xFFFFFFFEL) {
                    return null;
                }
                List<String> members = f.length > 3 && !f[3].isEmpty() ? List.of(f[3].split(",")) : List.of();
                return new Entry(f[0], gid, members);
            } catch (NumberFormatException malformed) {
                return null;
            }
        }
    }
}
