package org.bossa.domain.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SASLBindRequest;
import org.bossa.kerberos.gss.GssException;
import org.bossa.kerberos.gss.GssapiSaslClient;
import org.bossa.kerberos.gss.GssapiSaslException;
import org.bossa.kerberos.gss.SaslGssapiOptions;
import org.bossa.kerberos.gss.SaslSecurityLayer;
import org.bossa.kerberos.gss.InitiatorTicket;

/**
 * An LDAP SASL bind with mechanism GSSAPI driven by our own Kerberos GSS layer (UnboundID's
 * GSSAPIBindRequest would use the JDK's Kerberos and its krb5.conf and ticket caches instead).
 * Each bind builds a fresh {@link GssapiSaslClient} from the service ticket, runs the RFC 4752
 * exchange with {@link #sendBindRequest}, and on success installs the negotiated layer with
 * {@link LDAPConnection#applySASLSecurityLayer}, so every later message is wrapped.
 */
final class GssapiBindRequest extends SASLBindRequest {
    private final InitiatorTicket ticket;
    private final SaslGssapiOptions options;
    private volatile SaslSecurityLayer negotiated;

    GssapiBindRequest(InitiatorTicket ticket, SaslGssapiOptions options, Control... controls) {
        super(controls);
        this.ticket = ticket;
        this.options = options;
    }

    @Override
    public String getSASLMechanismName() {
        return GssapiSaslClient.MECHANISM;
    }

    /** The layer the last successful bind negotiated, or null before one. */
    SaslSecurityLayer negotiatedLayer() {
        return negotiated;
    }

    @Override
    protected BindResult process(LDAPConnection connection, int depth) throws LDAPException {
        GssapiSaslClient sasl;
        try {
            sasl = GssapiSaslClient.create(ticket, options);
        } catch (GssException e) {
            throw new LDAPException(ResultCode.LOCAL_ERROR, "GSSAPI: " + e.getMessage(), e);
        }
        long timeout = getResponseTimeoutMillis(connection);
        try {
            byte[] out = sasl.evaluateChallenge(new byte[0]);
            while (true) {
                BindResult result = sendBindRequest(connection, "", credentials(out), getControls(), timeout);
                if (result.getResultCode() != ResultCode.SASL_BIND_IN_PROGRESS) {
                    if (result.getResultCode() == ResultCode.SUCCESS) {
                        if (!sasl.isComplete()) {
                            throw new LDAPException(ResultCode.LOCAL_ERROR,
                                    "the server reported success before the GSSAPI security layer was negotiated");
                        }
                        negotiated = sasl.negotiatedLayer();
                        if (negotiated != SaslSecurityLayer.NONE) {
                            connection.applySASLSecurityLayer(sasl);
                        }
                    }
                    return result;
                }
                ASN1OctetString serverCreds = result.getServerSASLCredentials();
                out = sasl.evaluateChallenge(serverCreds == null ? new byte[0] : serverCreds.getValue());
            }
        } catch (GssapiSaslException e) {
            throw new LDAPException(ResultCode.LOCAL_ERROR, e.getMessage(), e);
        } catch (javax.security.sasl.SaslException e) {
            throw new LDAPException(ResultCode.LOCAL_ERROR, "GSSAPI: " + e.getMessage(), e);
        }
    }

    private static ASN1OctetString credentials(byte[] bytes) {
        return bytes == null || bytes.length == 0 ? null : new ASN1OctetString(bytes);
    }

    @Override
    public GssapiBindRequest duplicate() {
        return duplicate(getControls());
    }

    @Override
    public GssapiBindRequest duplicate(Control[] controls) {
        GssapiBindRequest copy = new GssapiBindRequest(ticket, options, controls);
        copy.setResponseTimeoutMillis(getResponseTimeoutMillis(null));
        return copy;
    }

    @Override
    public void toString(StringBuilder buffer) {
        // the ticket's names only; never the session key
        buffer.append("GssapiBindRequest(").append(ticket).append(", minimum=").append(options.minimum()).append(')');
    }
}
