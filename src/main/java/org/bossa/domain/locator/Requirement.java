package org.bossa.domain.locator;

/** What the caller needs of the DC, checked against the flags of its LDAP ping answer. */
public enum Requirement {
    /** Not a read-only DC: the join writes the computer object and password. */
    WRITABLE(DsFlag.WRITABLE, "is not writable"),
    /** Runs a Kerberos KDC. */
    KDC(DsFlag.KDC, "runs no KDC");

    private final DsFlag flag;
    private final String failure;

    Requirement(DsFlag flag, String failure) {
        this.flag = flag;
        this.failure = failure;
    }

    public DsFlag flag() {
        return flag;
    }

    /** The end of the sentence "dc1.example.test ..." when the DC lacks the flag. */
    String failure() {
        return failure;
    }
}
