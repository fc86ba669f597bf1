package org.bossa.dcerpc;

import java.util.Map;

/**
 * Fault status codes (C706 appendix E, MS-RPCE 2.2.2.11 and 3.1.1.5.5), named as Samba's
 * librpc/idl/dcerpc.idl names them, which is what administrators find in Samba's logs.
 */
public final class FaultStatus {
    /** nca_s_op_rng_error: the operation number is outside the interface. */
    public static final int OP_RNG_ERROR = 0x1C010002;
    /** nca_s_unk_if: no interface is bound to the presentation context. */
    public static final int UNKNOWN_IF = 0x1C010003;
    /** nca_s_proto_error: a PDU out of sequence or malformed. */
    public static final int PROTO_ERROR = 0x1C01000B;
    /** nca_s_fault_invalid_tag: a union discriminant the server does not know (old DCs answer unknown levels so). */
    public static final int INVALID_TAG = 0x1C000006;
    /** nca_s_fault_context_mismatch: a context handle the server does not know. */
    public static final int CONTEXT_MISMATCH = 0x1C00001A;
    /** nca_s_fault_remote_no_memory. */
    public static final int REMOTE_NO_MEMORY = 0x1C00001B;
    /**
     * RPC_X_BAD_STUB_DATA (DCERPC_FAULT_BAD_STUB_DATA): undecodable stub, what Windows and Samba send
     * where C706 has nca_s_fault_ndr.
     */
    public static final int BAD_STUB_DATA = 0x000006F7;
    /** ERROR_ACCESS_DENIED (DCERPC_FAULT_ACCESS_DENIED). */
    public static final int ACCESS_DENIED = 0x00000005;
    /** RPC_S_CALL_FAILED_DNE-like catch-all (DCERPC_FAULT_OTHER). */
    public static final int OTHER = 0x00000001;
    /** RPC_S_CANNOT_SUPPORT (DCERPC_FAULT_CANT_PERFORM). */
    public static final int CANT_PERFORM = 0x000006D8;
    /** RPC_S_SEC_PKG_ERROR (DCERPC_FAULT_SEC_PKG_ERROR): the security provider failed a PDU. */
    public static final int SEC_PKG_ERROR = 0x00000721;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x1C010001, "DCERPC_NCA_S_COMM_FAILURE"),
            Map.entry(OP_RNG_ERROR, "DCERPC_NCA_S_OP_RNG_ERROR"),
            Map.entry(UNKNOWN_IF, "DCERPC_NCA_S_UNKNOWN_IF"),
            Map.entry(0x1C010006, "DCERPC_NCA_S_WRONG_BOOT_TIME"),
            Map.entry(0x1C010009, "DCERPC_NCA_S_YOU_CRASHED"),
            Map.entry(PROTO_ERROR, "DCERPC_NCA_S_PROTO_ERROR"),
            Map.entry(0x1C010013, "DCERPC_NCA_S_OUT_ARGS_TOO_BIG"),
            Map.entry(0x1C010014, "DCERPC_NCA_S_SERVER_TOO_BUSY"),
            Map.entry(0x1C010015, "DCERPC_NCA_S_FAULT_STRING_TOO_LARGE"),
            Map.entry(0x1C010017, "DCERPC_NCA_S_UNSUPPORTED_TYPE"),
            Map.entry(0x1C000001, "DCERPC_NCA_S_FAULT_INT_DIV_BY_ZERO"),
            Map.entry(0x1C000002, "DCERPC_NCA_S_FAULT_ADDR_ERROR"),
            Map.entry(0x1C000003, "DCERPC_NCA_S_FAULT_FP_DIV_BY_ZERO"),
            Map.entry(0x1C000004, "DCERPC_NCA_S_FAULT_FP_UNDERFLOW"),
            Map.entry(0x1C000005, "DCERPC_NCA_S_FAULT_FP_OVERRFLOW"),
            Map.entry(INVALID_TAG, "DCERPC_NCA_S_FAULT_INVALID_TAG"),
            Map.entry(0x1C000007, "DCERPC_NCA_S_FAULT_INVALID_BOUND"),
            Map.entry(0x1C000008, "DCERPC_NCA_S_FAULT_RPC_VERSION_MISMATCH"),
            Map.entry(0x1C000009, "DCERPC_NCA_S_FAULT_UNSPEC_REJECT"),
            Map.entry(0x1C00000A, "DCERPC_NCA_S_FAULT_BAD_ACTID"),
            Map.entry(0x1C00000B, "DCERPC_NCA_S_FAULT_WHO_ARE_YOU_FAILED"),
            Map.entry(0x1C00000C, "DCERPC_NCA_S_FAULT_MANAGER_NOT_ENTERED"),
            Map.entry(0x1C00000D, "DCERPC_NCA_S_FAULT_CANCEL"),
            Map.entry(0x1C00000E, "DCERPC_NCA_S_FAULT_ILL_INST"),
            Map.entry(0x1C00000F, "DCERPC_NCA_S_FAULT_FP_ERROR"),
            Map.entry(0x1C000010, "DCERPC_NCA_S_FAULT_INT_OVERFLOW"),
            Map.entry(0x1C000012, "DCERPC_NCA_S_FAULT_UNSPEC"),
            Map.entry(0x1C000013, "DCERPC_NCA_S_FAULT_REMOTE_COMM_FAILURE"),
            Map.entry(0x1C000014, "DCERPC_NCA_S_FAULT_PIPE_EMPTY"),
            Map.entry(0x1C000015, "DCERPC_NCA_S_FAULT_PIPE_CLOSED"),
            Map.entry(0x1C000016, "DCERPC_NCA_S_FAULT_PIPE_ORDER"),
            Map.entry(0x1C000017, "DCERPC_NCA_S_FAULT_PIPE_DISCIPLINE"),
            Map.entry(0x1C000018, "DCERPC_NCA_S_FAULT_PIPE_COMM_ERROR"),
            Map.entry(0x1C000019, "DCERPC_NCA_S_FAULT_PIPE_MEMORY"),
            Map.entry(CONTEXT_MISMATCH, "DCERPC_NCA_S_FAULT_CONTEXT_MISMATCH"),
            Map.entry(REMOTE_NO_MEMORY, "DCERPC_NCA_S_FAULT_REMOTE_NO_MEMORY"),
            Map.entry(0x1C00001C, "DCERPC_NCA_S_INVALID_PRES_CONTEXT_ID"),
            Map.entry(0x1C00001D, "DCERPC_NCA_S_UNSUPPORTED_AUTHN_LEVEL"),
            Map.entry(0x1C00001F, "DCERPC_NCA_S_INVALID_CHECKSUM"),
            Map.entry(0x1C000020, "DCERPC_NCA_S_INVALID_CRC"),
            Map.entry(0x1C000021, "DCERPC_NCA_S_FAULT_USER_DEFINED"),
            Map.entry(0x1C000022, "DCERPC_NCA_S_FAULT_TX_OPEN_FAILED"),
            Map.entry(0x1C000023, "DCERPC_NCA_S_FAULT_CODESET_CONV_ERROR"),
            Map.entry(0x1C000024, "DCERPC_NCA_S_FAULT_OBJECT_NOT_FOUND"),
            Map.entry(0x1C000025, "DCERPC_NCA_S_FAULT_NO_CLIENT_STUB"),
            Map.entry(OTHER, "DCERPC_FAULT_OTHER"),
            Map.entry(ACCESS_DENIED, "DCERPC_FAULT_ACCESS_DENIED"),
            Map.entry(0x00000042, "DCERPC_FAULT_TODO"),
            Map.entry(0x000006BA, "DCERPC_FAULT_SERVER_UNAVAILABLE"),
            Map.entry(0x000006BD, "DCERPC_FAULT_NO_CALL_ACTIVE"),
            Map.entry(CANT_PERFORM, "DCERPC_FAULT_CANT_PERFORM"),
            Map.entry(0x000006D9, "DCERPC_FAULT_OUT_OF_RESOURCES"),
            Map.entry(BAD_STUB_DATA, "DCERPC_FAULT_BAD_STUB_DATA"),
            Map.entry(SEC_PKG_ERROR, "DCERPC_FAULT_SEC_PKG_ERROR"),
            // not in Samba's dcerpc.idl, named as MS-ERREF names them: old DCs' answers to unknown levels
            Map.entry(0x000006F5, "RPC_X_ENUM_VALUE_OUT_OF_RANGE"),
            Map.entry(0xC003000A, "RPC_NT_ENUM_VALUE_OUT_OF_RANGE"));

    private FaultStatus() {
    }

    /** The status's name, or its hexadecimal value when it has none. */
    public static String name(int status) {
        String n = NAMES.get(status);
        return n != null ? n : String.format("0x%08x", status);
    }
}
