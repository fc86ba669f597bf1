package org.bossa.idmap;

import java.util.Optional;
import java.util.OptionalLong;
import org.bossa.dtyp.Sid;

/**
 * One idmap backend (Samba's {@code idmap config X : backend}): maps the SIDs it is given to ids in
 * its {@link #range()} and ids of that range back. {@link IdMapRouter} chooses the backend, so a
 * backend need not check that a SID belongs to it beyond what its algorithm requires. Thread-safe.
 */
public interface IdMapBackend {

    /** The id of {@code sid} as a user ({@link IdType#UID}) or group; empty if it has none here. */
    OptionalLong toId(Sid sid, IdType type);

    /** The SID of user or group id {@code id}; empty if none is known (or the id is outside the range). */
    Optional<Sid> toSid(long id, IdType type);

    /** The ids this backend hands out. */
    IdRange range();
}
