package org.bossa.auth.ntlm;

/** An NTLMSSP message or structure that does not decode: too short, a lying offset or length, a bad value. */
public final class NtlmDecodingException extends Exception {
    public NtlmDecodingException(String message) {
        super(message, null, false, false);
    }
}
