package org.bossa.idmap;

import java.util.List;

/** The idmap settings are unusable; each problem names the setting key it is about. */
public final class IdMapConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public IdMapConfigException(List<String> problems) {
        super("invalid idmap settings: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One message per problem, each starting with the setting key. */
    public List<String> problems() {
        return problems;
    }
}
