package org.bossa.rpc.netlogon;

import java.time.Instant;
import org.bossa.rpc.netlogon.ndr.LogonSamLogonEx;
import org.bossa.rpc.netlogon.ndr.NetworkLogon;

/**
 * A Netlogon secure channel as its users see it: logons over it and what status reports show.
 * {@link SecureChannel} is the real one; the channel manager's tests put a scripted one here.
 */
public interface LogonChannel extends AutoCloseable {

    /**
     * NetrLogonSamLogonEx with NetworkInformation. The DC's verdict on the user (LOGON_FAILURE ...)
     * is in the response; an exception means the call failed, and
     * {@link NetlogonException#breaksChannel()} says whether the channel is still good.
     */
    LogonSamLogonEx.Response samLogon(NetworkLogon logon) throws NetlogonException;

    String dcHostName();

    int negotiatedFlags();

    String capabilityCheck();

    Instant establishedAt();

    @Override
    void close();
}
