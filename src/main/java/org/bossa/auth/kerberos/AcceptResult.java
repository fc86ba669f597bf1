package org.bossa.auth.kerberos;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.bossa.kerberos.KerberosName;
import org.bossa.kerberos.gss.ContextFlag;
import org.bossa.kerberos.gss.Krb5MessageProtection;

/** What {@link Krb5Acceptor#accept} concluded about one AP-REQ. */
public sealed interface AcceptResult permits AcceptResult.Accepted, AcceptResult.Rejected {

    /**
     * An authentic AP-REQ for one of our names. Nothing in the PAC has been checked yet.
     *
     * @param client the ticket's client, cname@crealm
     * @param server the ticket's server, sname@realm as the client asked for it
     * @param authTime when the client first authenticated to the KDC (its logon)
     * @param startTime the ticket's starttime, or authtime when it has none
     * @param endTime when the ticket expires
     * @param serviceKey the long-term key that decrypted the ticket (kvno set), for the PAC's server
     *     signature (MS-PAC 2.8.1)
     * @param pac the ticket's PAC (AD-WIN2K-PAC inside AD-IF-RELEVANT, MS-PAC 2.4), raw; empty when
     *     the ticket carries none
     * @param sessionKey the GSS session key (MS-KILE 3.1.1.2: the acceptor subkey of the AP-REP when
     *     mutual authentication took place, else the initiator's subkey, else the ticket session key);
     *     the key SMB derives its signing and encryption keys from
     * @param sessionKeyType the enctype number of {@code sessionKey}
     * @param outputToken the framed AP-REP (token id 02 00) to send back, empty when the client did
     *     not ask for mutual authentication
     * @param flags the context flags the client asked for in the authenticator checksum, with
     *     {@link ContextFlag#MUTUAL} when an AP-REP was made and without {@link ContextFlag#DELEGATION}
     *     (a delegated credential is ignored)
     * @param protection RFC 4121 MIC and Wrap tokens in the acceptor role (for the SPNEGO mechListMIC);
     *     empty when the session key is RC4, whose RFC 4757 tokens are not implemented
     */
    record Accepted(KerberosName client, KerberosName server, Instant authTime, Instant startTime, Instant endTime,
            EncryptionKey serviceKey, Optional<byte[]> pac, byte[] sessionKey, int sessionKeyType, byte[] outputToken,
            Set<ContextFlag> flags, Optional<Krb5MessageProtection> protection) implements AcceptResult {
        public Accepted {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(authTime, "authTime");
            Objects.requireNonNull(startTime, "startTime");
            Objects.requireNonNull(endTime, "endTime");
            Objects.requireNonNull(serviceKey, "serviceKey");
            pac = pac.map(byte[]::clone);
            sessionKey = sessionKey.clone();
            outputToken = outputToken.clone();
            flags = Set.copyOf(flags);
            Objects.requireNonNull(protection, "protection");
        }

        @Override
        public Optional<byte[]> pac() {
            return pac.map(byte[]::clone);
        }

        @Override
        public byte[] sessionKey() {
            return sessionKey.clone();
        }

        @Override
        public byte[] outputToken() {
            return outputToken.clone();
        }

        /** Whether an AP-REP is to be sent. */
        public boolean mutual() {
            return outputToken.length > 0;
        }

        @Override
        public String toString() {
            // names, times and enctypes only: never a key, and the PAC only by size
            return "Accepted[" + client + " -> " + server + ", ticket " + Enctypes.name(serviceKey.getKeyType().getValue())
                    + " kvno " + serviceKey.getKvno() + ", session key " + Enctypes.name(sessionKeyType)
                    + ", auth " + authTime + ", start " + startTime + ", end " + endTime
                    + ", pac " + pac.map(p -> p.length + " bytes").orElse("none") + ", flags " + flags
                    + (mutual() ? ", mutual" : "") + "]";
        }
    }

    /**
     * A refused AP-REQ.
     *
     * @param reason one line for the audit log: names principals (quoted), enctypes, kvnos and
     *     times, never key material
     * @param kind the check that failed
     */
    record Rejected(String reason, Kind kind) implements AcceptResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(kind, "kind");
        }

        /** The check that refused the AP-REQ (the RFC 4120 error code it corresponds to, where one does). */
        public enum Kind {
            /** Not a well-formed GSS Kerberos token or AP-REQ (KRB_AP_ERR_MSG_TYPE, KRB_AP_ERR_BADVERSION, ASN.1 errors). */
            MALFORMED,
            /** The token is larger than {@link AcceptorPolicy#maxTokenBytes()}. */
            TOO_LARGE,
            /** An option we do not implement: USE-SESSION-KEY (user-to-user) or DCE-style context establishment. */
            UNSUPPORTED_OPTION,
            /** The ticket names a service principal we hold no key for (KRB_AP_ERR_NOT_US). */
            UNKNOWN_PRINCIPAL,
            /** Our keys for the principal are of other kvnos (KRB_AP_ERR_BADKEYVER). */
            UNKNOWN_KVNO,
            /** No key of the ticket's enctype for the principal and kvno (KRB_AP_ERR_NOKEY). */
            NO_KEY_FOR_ENCTYPE,
            /** The key store cannot be read. */
            KEYS_UNAVAILABLE,
            /** The ticket, session key or subkey enctype is refused by policy (KDC_ERR_ETYPE_NOSUPP). */
            ENCTYPE_NOT_ALLOWED,
            /** The ticket or the authenticator does not decrypt: wrong key, or altered (KRB_AP_ERR_BAD_INTEGRITY). */
            DECRYPT_FAILED,
            /** The ticket carries the INVALID flag (KRB_AP_ERR_TKT_NYV). */
            TICKET_INVALID,
            /** The ticket's start time is ahead of our clock by more than the skew (KRB_AP_ERR_TKT_NYV). */
            TICKET_NOT_YET_VALID,
            /** The ticket's end time is behind our clock by more than the skew (KRB_AP_ERR_TKT_EXPIRED). */
            TICKET_EXPIRED,
            /** The authenticator's time is farther from our clock than the skew (KRB_AP_ERR_SKEW). */
            SKEW,
            /** The authenticator was accepted before (KRB_AP_ERR_REPEAT). */
            REPLAY,
            /** The replay cache is full, so the authenticator cannot be recorded and is refused. */
            REPLAY_CACHE_FULL,
            /** The authenticator's client differs from the ticket's (KRB_AP_ERR_BADMATCH). */
            CLIENT_MISMATCH,
            /** The authenticator checksum is missing, not the GSS 0x8003 type, or malformed. */
            BAD_CHECKSUM,
            /** The client bound the context to a channel; we have no channel bindings to compare. */
            CHANNEL_BINDINGS,
            /** A local failure building the reply (not caused by the client). */
            INTERNAL_ERROR
        }
    }
}
