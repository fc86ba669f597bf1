package org.bossa.rpc.netlogon.ndr;

import java.util.Optional;
import org.bossa.dcerpc.NdrReader;
import org.bossa.dcerpc.NdrWriter;

/**
 * NetrLogonSamLogonEx, opnum 39 (MS-NRPC 3.5.4.5.1): a logon over the secure channel without an
 * authenticator chain, so several can run at once on a sealed connection.
 *
 * <pre>
 * [in,unique,string] wchar_t *LogonServer; [in,unique,string] wchar_t *ComputerName;
 * [in] NETLOGON_LOGON_INFO_CLASS LogonLevel; [in,switch_is(LogonLevel)] PNETLOGON_LEVEL LogonInformation;
 * [in] NETLOGON_VALIDATION_INFO_CLASS ValidationLevel;
 * [out,switch_is(ValidationLevel)] PNETLOGON_VALIDATION ValidationInformation;
 * [out] UCHAR *Authoritative; [in,out] ULONG *ExtraFlags; NTSTATUS
 * </pre>
 *
 * <p>Wire shapes (the vectors confirm them): LogonLevel and ValidationLevel are 16-bit (an NDR enum and
 * Samba's uint16); each union is its 16-bit discriminant followed, at 4-byte alignment, by the arm, a
 * unique pointer to the structure. On a failed logon the DC marshals the validation union with a null
 * pointer; {@link Response#validation()} is then empty, and it is empty for any error or warning
 * status whatever the DC marshalled.
 */
public final class LogonSamLogonEx {
    public static final int OPNUM = 39;
    /** NetlogonNetworkInformation: the only logon level this codec sends. */
    public static final int LOGON_LEVEL_NETWORK = 2;
    /** NetlogonValidationSamInfo: NETLOGON_VALIDATION_SAM_INFO, no extra SIDs. */
    public static final int VALIDATION_SAM_INFO = 2;
    /** NetlogonValidationSamInfo2: NETLOGON_VALIDATION_SAM_INFO2, with extra SIDs. */
    public static final int VALIDATION_SAM_INFO2 = 3;
    /** NetlogonValidationSamInfo4: NETLOGON_VALIDATION_SAM_INFO4, with the DNS domain and the UPN. */
    public static final int VALIDATION_SAM_INFO4 = 6;

    private LogonSamLogonEx() {
    }

    /**
     * @param logonServer     the DC as {@code \\name}, or null
     * @param computerName    our NetBIOS name without the {@code $}, or null
     * @param validationLevel {@link #VALIDATION_SAM_INFO4} (or 3 or 2)
     * @param extraFlags      NETLOGON_SAMLOGON_FLAG_* (0 for a member)
     */
    public static byte[] encodeRequest(String logonServer, String computerName, NetworkLogon logon,
            int validationLevel, int extraFlags) {
        checkLevel(validationLevel);
        NdrWriter w = new NdrWriter(512);
        NetlogonNdr.uniqueString(w, logonServer);
        NetlogonNdr.uniqueString(w, computerName);
        w.u16(LOGON_LEVEL_NETWORK);
        w.u16(LOGON_LEVEL_NETWORK);
        w.uniquePointer(true, p -> writeNetworkInfo(p, logon));
        w.flushDeferred();
        w.u16(validationLevel);
        w.u32(extraFlags);
        return w.toByteArray();
    }

    /** NETLOGON_NETWORK_INFO's scalars; the strings and response buffers are deferred. */
    private static void writeNetworkInfo(NdrWriter w, NetworkLogon logon) {
        NetlogonNdr.unicodeString(w, logon.logonDomainName());
        w.u32(logon.parameterControl());
        NetlogonNdr.udlong(w, logon.reserved());
        NetlogonNdr.unicodeString(w, logon.userName());
        NetlogonNdr.unicodeString(w, logon.workstation());
        w.bytes(logon.lmChallenge());
        challengeResponse(w, logon.ntChallengeResponse());
        challengeResponse(w, logon.lmChallengeResponse());
    }

    /**
     * STRING (MS-NRPC 2.2.1.4.6; Samba netr_ChallengeResponse): u16 Length, u16 MaximumLength, then a
     * pointer to a conformant varying byte array of Length bytes. Null writes a null pointer.
     */
    private static void challengeResponse(NdrWriter w, byte[] data) {
        int length = data == null ? 0 : data.length;
        w.u16(length);
        w.u16(length);
        w.uniquePointer(data != null, d -> {
            d.u32(length);
            d.u32(0);
            d.u32(length);
            d.bytes(data);
        });
    }

    /**
     * @param validationLevel the level the request asked for; the union must carry it
     * @throws org.bossa.dcerpc.NdrException if the stub is malformed or answers another level
     */
    public static Response decodeResponse(byte[] stub, int validationLevel) {
        checkLevel(validationLevel);
        NdrReader r = new NdrReader(stub);
        NetlogonNdr.expectLevel(r.u16(), validationLevel, "validation");
        ValidationInfoDecoder decoder = new ValidationInfoDecoder(validationLevel);
        boolean present = r.uniquePointer(decoder::readScalars);
        r.flushDeferred();
        int authoritative = r.u8();
        int extraFlags = r.u32();
        int status = r.u32();
        NetlogonNdr.end(r);
        // NT_SUCCESS: a failed logon's status must reach the caller even if a DC marshalled a
        // (meaningless) structure with it; the structure was still read and checked as NDR above.
        boolean success = status >= 0;
        Optional<ValidationInfo> validation = present && success ? Optional.of(decoder.build()) : Optional.empty();
        return new Response(validation, authoritative != 0, extraFlags, status);
    }

    private static void checkLevel(int validationLevel) {
        if (validationLevel != VALIDATION_SAM_INFO && validationLevel != VALIDATION_SAM_INFO2
                && validationLevel != VALIDATION_SAM_INFO4) {
            throw new IllegalArgumentException("validation level " + validationLevel);
        }
    }

    /**
     * @param validation    the validation information; empty when the DC sent a null pointer (a failed logon)
     * @param authoritative false when another DC might know better (the caller may try another)
     */
    public record Response(Optional<ValidationInfo> validation, boolean authoritative, int extraFlags, int status) {
        @Override
        public String toString() {
            return "LogonSamLogonEx.Response[status=0x" + Integer.toHexString(status) + ", authoritative="
                    + authoritative + ", " + validation.map(ValidationInfo::toString).orElse("no validation") + "]";
        }
    }
}
