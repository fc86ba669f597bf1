package org.bossa.dcerpc.client;

import org.bossa.dcerpc.FaultStatus;

/**
 * The server answered a call (or a bind) with a FAULT PDU (C706 12.6.4.7): {@link #status()} is
 * the nca_s_* or Win32 fault code of {@link FaultStatus}; {@link #didNotExecute()} is the
 * PFC_DID_NOT_EXECUTE flag, telling that the operation was not run and may be retried.
 */
public final class RpcFaultException extends RpcException {
    private final int status;
    private final boolean didNotExecute;

    public RpcFaultException(int status, boolean didNotExecute) {
        super(String.format("rpc fault %s (0x%08x)", FaultStatus.name(status), status));
        this.status = status;
        this.didNotExecute = didNotExecute;
    }

    public int status() {
        return status;
    }

    /** The fault code's name, as Samba's dcerpc.idl spells it (DCERPC_NCA_S_OP_RNG_ERROR ...). */
    public String statusName() {
        return FaultStatus.name(status);
    }

    public boolean didNotExecute() {
        return didNotExecute;
    }
}
