package org.bossa.smb2.server;

import org.bossa.text.LogSafe;
import org.bossa.vfs.VfsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closing opens: share-mode release, delete-on-close, handle close; in one place for every path that closes. */
final class Opens {
    private static final Logger LOG = LoggerFactory.getLogger(Opens.class);

    private Opens() {
    }

    /** Closes {@code open}; returns false when it was already closed by someone else. */
    static boolean close(Connection conn, Open open) {
        if (!conn.opens().remove(open)) {
            return false;
        }
        release(conn, open);
        return true;
    }

    private static void release(Connection conn, Open open) {
        open.cleanupNotifies();
        DirectoryCursor cursor = open.cursor();
        if (cursor != null) {
            cursor.close();
        }
        try {
            if (open.pipe() != null) {
                open.pipe().close();
                return;
            }
            var state = open.fileState();
            if (open.deleteOnClose()) {
                state.deletePending(true);
            }
            boolean last = conn.server().shareModes().release(state, open.owner());
            if (last && state.deletePending()) {
                try {
                    open.tree().root().unlink(open.path(), open.isDirectory());
                } catch (VfsException e) {
                    LOG.debug("delete on close of {} failed: {}", LogSafe.quote(open.path()), LogSafe.quote(e.getMessage()));
                }
            }
        } catch (Exception e) {
            LOG.debug("closing {}: {}", LogSafe.quote(open.path()), LogSafe.quote(e.toString()));
        } finally {
            if (open.handle() != null) {
                open.handle().close();
            }
        }
    }

    static void closeQuietly(Connection conn, Open open) {
        try {
            release(conn, open);
        } catch (RuntimeException e) {
            LOG.debug("closing {} on disconnect: {}", LogSafe.quote(open.path()), LogSafe.quote(e.toString()));
        }
    }

    static void closeTree(Connection conn, TreeConnect t) {
        for (Open o : conn.opens().inOpeningOrder()) {
            if (o.tree() == t) {
                close(conn, o);
            }
        }
    }
}
