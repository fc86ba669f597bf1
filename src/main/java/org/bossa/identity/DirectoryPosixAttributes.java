package org.bossa.identity;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.bossa.domain.DirectoryAccount;
import org.bossa.dtyp.Sid;
import org.bossa.idmap.PosixAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RFC 2307 uidNumber and gidNumber of the domain's accounts, for the ad idmap backend, read
 * through the cached directory. The idmap cannot say "try later", so an unreachable DC with nothing
 * cached is logged and answered as "no id".
 */
public final class DirectoryPosixAttributes implements PosixAttributes {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryPosixAttributes.class);
    private final CachingDirectory directory;

    public DirectoryPosixAttributes(CachingDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public OptionalLong uidNumber(Sid sid) {
        return ask(() -> directory.bySid(sid)).map(DirectoryAccount::uidNumber).orElse(OptionalLong.empty());
    }

    @Override
    public OptionalLong gidNumber(Sid sid) {
        return ask(() -> directory.bySid(sid)).map(DirectoryAccount::gidNumber).orElse(OptionalLong.empty());
    }

    @Override
    public Optional<Sid> sidByUidNumber(long uid) {
        return ask(() -> directory.byUidNumber(uid)).map(DirectoryAccount::sid);
    }

    @Override
    public Optional<Sid> sidByGidNumber(long gid) {
        return ask(() -> directory.byGidNumber(gid)).map(DirectoryAccount::sid);
    }

    @FunctionalInterface
    private interface Lookup {
        Optional<DirectoryAccount> get() throws IdentityUnavailableException;
    }

    private static Optional<DirectoryAccount> ask(Lookup lookup) {
        try {
            return lookup.get();
        } catch (IdentityUnavailableException e) {
            LOG.warn("RFC 2307 ids unavailable: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
