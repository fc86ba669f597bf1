package org.bossa.rpc.netlogon.ndr;

import org.bossa.dcerpc.NdrReader;
import org.bossa.dcerpc.NdrWriter;

/**
 * NetrServerPasswordSet2, opnum 30 (MS-NRPC 3.5.4.4.5): sets the machine account's new password.
 *
 * <pre>
 * [in,unique,string] wchar_t *PrimaryName; [in,string] wchar_t *AccountName;
 * [in] NETLOGON_SECURE_CHANNEL_TYPE SecureChannelType; [in,string] wchar_t *ComputerName;
 * [in] NETLOGON_AUTHENTICATOR *Authenticator; [out] NETLOGON_AUTHENTICATOR *ReturnAuthenticator;
 * [in] PNL_TRUST_PASSWORD ClearNewPassword; NTSTATUS
 * </pre>
 *
 * <p>NL_TRUST_PASSWORD (2.2.1.3.7) is WCHAR Buffer[256] and ULONG Length: 516 bytes, alignment 4. The
 * caller builds and encrypts it with the session key; this codec copies the 516 bytes as they are.
 */
public final class ServerPasswordSet2 {
    public static final int OPNUM = 30;
    /** Size of an NL_TRUST_PASSWORD. */
    public static final int TRUST_PASSWORD_SIZE = 516;

    private ServerPasswordSet2() {
    }

    /**
     * @param primaryName       the DC as {@code \\name}, or null
     * @param accountName       the machine account, {@code NAME$}
     * @param computerName      our NetBIOS name without the {@code $}
     * @param authenticator     the next authenticator of the credential chain
     * @param encryptedPassword the encrypted NL_TRUST_PASSWORD, 516 bytes
     */
    public static byte[] encodeRequest(String primaryName, String accountName, SecureChannelType channelType,
            String computerName, Authenticator authenticator, byte[] encryptedPassword) {
        if (encryptedPassword == null || encryptedPassword.length != TRUST_PASSWORD_SIZE) {
            throw new IllegalArgumentException("NL_TRUST_PASSWORD must be 516 bytes");
        }
        NdrWriter w = new NdrWriter(700);
        NetlogonNdr.uniqueString(w, primaryName);
        NetlogonNdr.refString(w, accountName, "account name");
        w.u16(channelType.value());
        NetlogonNdr.refString(w, computerName, "computer name");
        NetlogonNdr.authenticator(w, authenticator);
        w.align(4);
        w.bytes(encryptedPassword);
        return w.toByteArray();
    }

    /** @throws org.bossa.dcerpc.NdrException if the stub is malformed */
    public static Response decodeResponse(byte[] stub) {
        NdrReader r = new NdrReader(stub);
        Authenticator returned = NetlogonNdr.authenticator(r);
        int status = r.u32();
        NetlogonNdr.end(r);
        return new Response(returned, status);
    }

    public record Response(Authenticator returnAuthenticator, int status) {
        @Override
        public String toString() {
            return "ServerPasswordSet2.Response[status=0x" + Integer.toHexString(status) + "]";
        }
    }
}
