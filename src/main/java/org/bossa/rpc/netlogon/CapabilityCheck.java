package org.bossa.rpc.netlogon;

import java.util.Set;
import org.bossa.dcerpc.FaultStatus;
import org.bossa.dcerpc.client.RpcClientConnection;
import org.bossa.dcerpc.client.RpcException;
import org.bossa.dcerpc.client.RpcFaultException;
import org.bossa.rpc.netlogon.ndr.Authenticator;
import org.bossa.rpc.netlogon.crypto.NetlogonCredentialState;
import org.bossa.rpc.netlogon.crypto.NetlogonCryptoException;
import org.bossa.rpc.netlogon.ndr.LogonGetCapabilities;

/**
 * The July 2023 secure channel check (KB5028185/KB5028166, MS-NRPC NetrLogonGetCapabilities), on the first
 * sealed connection: NetrLogonGetCapabilities level 1 must return exactly the flags
 * NetrServerAuthenticate3 negotiated, and level 2 exactly the flags we requested. Either mismatch
 * means someone rewrote the unprotected Authenticate3 exchange: the channel is dropped with
 * DOWNGRADE_DETECTED. A DC that answers level 2 with one of the faults an unpatched DC gives
 * ({@link #OLD_DC_FAULTS}) predates the fix (Samba before 4.21.2 does) and is not an attacker: its
 * chain did not advance, so ours steps back, and the channel is confirmed with a sealed
 * NetrLogonControl instead. Any other fault is not what an old DC says: an on-path attacker who
 * could fake it would always get the weaker path, so it drops the channel as a downgrade.
 */
final class CapabilityCheck {
    /** RPC_X_ENUM_VALUE_OUT_OF_RANGE (1781): the Win32 fault form of RPC_NT_ENUM_VALUE_OUT_OF_RANGE. */
    static final int X_ENUM_VALUE_OUT_OF_RANGE = 0x000006F5;
    /** RPC_NT_ENUM_VALUE_OUT_OF_RANGE, should a DC put the NTSTATUS itself into the fault. */
    static final int NT_ENUM_VALUE_OUT_OF_RANGE = 0xC003000A;

    /**
     * The faults that mean "level 2 unknown here", the ones Samba's own client
     * (netlogon_creds_cli_check_client_caps) accepts: DCERPC_NCA_S_FAULT_INVALID_TAG, which Samba
     * maps to NT_STATUS_RPC_ENUM_VALUE_OUT_OF_RANGE and is what the Samba 4.17 test DC sends
     * (netlogon-dc.vectors), DCERPC_FAULT_BAD_STUB_DATA (an unpatched Samba failing to marshal the
     * unknown union arm, bug 15418), and the enumeration-out-of-range status in its Win32 and
     * NTSTATUS spellings.
     */
    static final Set<Integer> OLD_DC_FAULTS = Set.of(FaultStatus.INVALID_TAG, FaultStatus.BAD_STUB_DATA,
            X_ENUM_VALUE_OUT_OF_RANGE, NT_ENUM_VALUE_OUT_OF_RANGE);

    /** One authenticated NetrLogonGetCapabilities call: the flags answered, or an RPC fault. */
    interface Query {
        int capabilities(int level) throws RpcFaultException, NetlogonException;
    }

    /** What to do when level 2 faulted: undo the authenticator step and confirm the channel another way. */
    interface OldDcFallback {
        void confirm() throws NetlogonException;
    }

    private CapabilityCheck() {
    }

    /** Runs the check over {@code c}; returns how it passed, for testjoin and logs. */
    static String verify(ChannelParams p, NetlogonCredentialState state, RpcClientConnection c) throws NetlogonException {
        Query query = level -> call(p, state, c, level);
        OldDcFallback fallback = () -> {
            try {
                state.abandonAuthenticator();
                SecureChannel.confirmWithLogonControl(p, c);
            } catch (NetlogonCryptoException | RpcException e) {
                throw new NetlogonException(NetlogonException.Cause.PROTOCOL, p.dcHostName()
                        + " faulted on NetrLogonGetCapabilities level 2 and the channel could not be confirmed: "
                        + e.getMessage(), e);
            }
        };
        return decide(state.negotiatedFlags(), NetlogonFlags.REQUESTED, query, fallback, p.dcHostName());
    }

    /** The decision itself, apart from the wire. */
    static String decide(int negotiated, int requested, Query query, OldDcFallback fallback, String dc)
            throws NetlogonException {
        int level1;
        try {
            level1 = query.capabilities(LogonGetCapabilities.LEVEL_SERVER_CAPABILITIES);
        } catch (RpcFaultException e) {
            throw new NetlogonException(NetlogonException.Cause.PROTOCOL, dc
                    + " faulted on NetrLogonGetCapabilities level 1: " + e.statusName(), e);
        }
        if (level1 != negotiated) {
            throw new NetlogonException(NetlogonException.Cause.DOWNGRADE_DETECTED, "NT_STATUS_DOWNGRADE_DETECTED: "
                    + dc + " says the channel negotiated " + NetlogonFlags.hex(level1) + " (GetCapabilities level 1),"
                    + " NetrServerAuthenticate3 said " + NetlogonFlags.hex(negotiated) + ": channel dropped");
        }
        int level2;
        try {
            level2 = query.capabilities(LogonGetCapabilities.LEVEL_REQUESTED_FLAGS);
        } catch (RpcFaultException e) {
            if (!OLD_DC_FAULTS.contains(e.status())) {
                throw new NetlogonException(NetlogonException.Cause.DOWNGRADE_DETECTED, "NT_STATUS_DOWNGRADE_DETECTED: "
                        + dc + " faulted on NetrLogonGetCapabilities level 2 with " + e.statusName()
                        + ", not a fault an unpatched DC gives: channel dropped", e);
            }
            fallback.confirm();
            return "level 1 matches " + NetlogonFlags.hex(negotiated) + "; level 2 not supported by this DC (fault "
                    + e.statusName() + "), channel confirmed with NetrLogonControl";
        }
        if (level2 != requested) {
            throw new NetlogonException(NetlogonException.Cause.DOWNGRADE_DETECTED, "NT_STATUS_DOWNGRADE_DETECTED: "
                    + dc + " says we requested " + NetlogonFlags.hex(level2) + " (GetCapabilities level 2), we sent "
                    + NetlogonFlags.hex(requested) + ": channel dropped");
        }
        return "levels 1 and 2 match (negotiated " + NetlogonFlags.hex(negotiated) + ", requested "
                + NetlogonFlags.hex(requested) + ")";
    }

    private static int call(ChannelParams p, NetlogonCredentialState state, RpcClientConnection c, int level)
            throws RpcFaultException, NetlogonException {
        Authenticator auth = state.nextAuthenticator();
        try {
            LogonGetCapabilities.Response r = LogonGetCapabilities.decodeResponse(c.call(LogonGetCapabilities.OPNUM,
                    LogonGetCapabilities.encodeRequest(p.serverName(), p.computerName(), auth, level)),
                    level);
            SecureChannel.requireSuccess(r.status(), "NetrLogonGetCapabilities level " + level, p);
            state.verifyReturnAuthenticator(r.returnAuthenticator().credential());
            return r.flags();
        } catch (RpcFaultException e) {
            throw e;
        } catch (RpcException e) {
            throw new NetlogonException(NetlogonException.Cause.UNREACHABLE, "NetrLogonGetCapabilities at "
                    + p.dcHostName() + ": " + e.getMessage(), e);
        } catch (NetlogonCryptoException e) {
            throw new NetlogonException(NetlogonException.Cause.BAD_SERVER_CREDENTIAL, "NetrLogonGetCapabilities at "
                    + p.dcHostName() + ": " + e.getMessage(), e);
        } catch (org.bossa.dcerpc.NdrException e) {
            throw new NetlogonException(NetlogonException.Cause.PROTOCOL, "NetrLogonGetCapabilities at "
                    + p.dcHostName() + ": malformed answer: " + e.getMessage(), e);
        }
    }
}
