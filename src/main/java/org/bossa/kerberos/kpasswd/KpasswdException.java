package org.bossa.kerberos.kpasswd;

/**
 * The password server refused the change: {@link #resultCode()} says why, {@link #resultString()}
 * is the server's own text (AD's policy blob rendered as text, see {@link KpasswdResult}).
 */
public final class KpasswdException extends Exception {
    private final KpasswdResultCode resultCode;
    private final int rawCode;
    private final String resultString;

    public KpasswdException(KpasswdResult result, String what) {
        super(what + " refused: " + result.code().summary() + " (result code " + result.rawCode()
                + (result.text().isBlank() ? "" : ", \"" + result.text().strip().replaceAll("\\s+", " ") + "\"") + ")");
        this.resultCode = result.code();
        this.rawCode = result.rawCode();
        this.resultString = result.text();
    }

    public KpasswdResultCode resultCode() {
        return resultCode;
    }

    /** The code as sent, also for codes this enum does not know. */
    public int rawCode() {
        return rawCode;
    }

    public String resultString() {
        return resultString;
    }
}
