package org.bossa.smb2.server;

/** How much the server insists on SMB 3 encryption, for the whole server or one share. */
public enum EncryptionPolicy {
    /** Never asked for; a client may still encrypt of its own accord. */
    OFF,
    /** Asked of clients that can (ENCRYPT_DATA / SMB2_SHAREFLAG_ENCRYPT_DATA); others still served. */
    DESIRED,
    /** Asked, and unencrypted requests are refused with ACCESS_DENIED. */
    REQUIRED
}
