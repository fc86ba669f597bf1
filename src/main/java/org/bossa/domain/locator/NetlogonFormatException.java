package org.bossa.domain.locator;

/**
 * An LDAP ping answer that does not decode: a BER error in the LDAP messages around it, or a
 * NETLOGON_SAM_LOGON_RESPONSE_EX that is truncated, oversized, has a bad opcode, a label or name
 * longer than RFC 1035 allows, or a compression pointer that does not point strictly backwards.
 * The message names the field and, for the structure, the byte offset.
 */
public final class NetlogonFormatException extends Exception {
    public NetlogonFormatException(String message) {
        super(message);
    }
}
