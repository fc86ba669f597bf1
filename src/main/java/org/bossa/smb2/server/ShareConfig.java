package org.bossa.smb2.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One exported share as the server sees it.
 *
 * @param encryption null means "as the server"
 * @param validUsers empty means any authenticated user
 */
public record ShareConfig(String name, Path path, boolean readOnly, EncryptionPolicy encryption,
                          List<String> validUsers, String comment) {

    public ShareConfig {
        validUsers = List.copyOf(validUsers);
        comment = comment == null ? "" : comment;
    }

    public boolean admits(String user) {
        if (validUsers.isEmpty()) {
            return true;
        }
        for (String u : validUsers) {
            if (u.equalsIgnoreCase(user)) {
                return true;
            }
        }
        return false;
    }

    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }
}
