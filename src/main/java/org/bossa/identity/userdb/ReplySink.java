package org.bossa.identity.userdb;

import java.io.IOException;
import java.util.Map;

/** Where the answers to one call go: a connection, or a list in a test. */
public interface ReplySink {
    /** One reply; {@code continues} marks that more replies to the same call follow. */
    void reply(Map<String, Object> parameters, boolean continues) throws IOException;

    /** The call's only (and last) answer: a qualified varlink error name and its parameters. */
    void error(String error, Map<String, Object> parameters) throws IOException;
}
