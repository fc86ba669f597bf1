package org.bossa.dcerpc;

/** Fault status codes (C706 appendix E, MS-RPCE 2.2.2.11 and 3.1.1.5.5). */
public final class FaultStatus {
    /** nca_s_op_rng_error: the operation number is outside the interface. */
    public static final int OP_RNG_ERROR = 0x1C010002;
    /** nca_s_unk_if: no interface is bound to the presentation context. */
    public static final int UNKNOWN_IF = 0x1C010003;
    /** nca_s_proto_error: a PDU out of sequence or malformed. */
    public static final int PROTO_ERROR = 0x1C01000B;
    /** nca_s_fault_remote_no_memory. */
    public static final int REMOTE_NO_MEMORY = 0x1C000033;
    /** RPC_X_BAD_STUB_DATA (DCERPC_FAULT_BAD_STUB_DATA): undecodable stub, what Windows and Samba send. */
    public static final int BAD_STUB_DATA = 0x000006F7;
    /** nca_s_fault_ndr (C706): NDR the server cannot decode; Windows sends {@link #BAD_STUB_DATA}. */
    public static final int NCA_FAULT_NDR = 0x000006F7;
    /** ERROR_ACCESS_DENIED (DCERPC_FAULT_ACCESS_DENIED). */
    public static final int ACCESS_DENIED = 0x00000005;
    /** RPC_S_CALL_FAILED_DNE-like catch-all (DCERPC_FAULT_OTHER). */
    public static final int OTHER = 0x00000001;
    /** RPC_S_CANNOT_SUPPORT (DCERPC_FAULT_CANT_PERFORM). */
    public static final int CANT_PERFORM = 0x000006D8;

    private FaultStatus() {
    }
}
