package org.bossa.idmap;

import java.util.Optional;
import java.util.OptionalLong;
import org.bossa.dtyp.Sid;

/**
 * SID to POSIX id and back, over every configured backend (Samba's {@code idmap config}): the
 * backend is chosen by the SID's domain, or by the range an id falls in. Users map to uids and
 * groups to gids; a backend such as rid gives a SID the same number either way. Unix accounts map
 * to S-1-22-1-uid and S-1-22-2-gid as on Samba. Thread-safe.
 *
 * <p>A backend that allocates (the default range's allocator, autorid) records the mapping the
 * first time it is asked, so the same SID gets the same id ever after; an empty answer means the
 * SID has no id here (another domain without a backend, or a range exhausted).
 */
public interface IdMapper {

    OptionalLong toUid(Sid sid);

    OptionalLong toGid(Sid sid);

    Optional<Sid> fromUid(long uid);

    Optional<Sid> fromGid(long gid);
}
