package org.bossa.dcerpc;

/** A call that ends in a FAULT PDU with {@link #status()} (see {@link FaultStatus}). */
public final class RpcFault extends Exception {
    private final int status;

    public RpcFault(int status, String message) {
        super(message);
        this.status = status;
    }

    public RpcFault(int status) {
        this(status, String.format("rpc fault 0x%08x", status));
    }

    public int status() {
        return status;
    }
}
