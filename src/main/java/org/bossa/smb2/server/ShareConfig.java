package org.bossa.smb2.server;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * One exported share as the server sees it.
 *
 * @param encryption null means "as the server"
 * @param admission who may connect ({@code valid-users}); {@link ShareAdmission#EVERYONE} admits any
 *     authenticated user
 */
public record ShareConfig(String name, Path path, boolean readOnly, EncryptionPolicy encryption,
                          ShareAdmission admission, String comment) {

    public ShareConfig {
        Objects.requireNonNull(admission, "admission");
        comment = comment == null ? "" : comment;
    }

    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }
}
