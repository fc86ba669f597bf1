package org.bossa.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import org.apache.kerby.kerberos.kerb.type.base.EtypeInfo2;
import org.apache.kerby.kerberos.kerb.type.base.MethodData;
import org.apache.kerby.kerberos.kerb.type.kdc.AsRep;
import org.apache.kerby.kerberos.kerb.type.kdc.TgsRep;
import org.bossa.kerberos.Der;
import org.bossa.kerberos.KerberosException;
import org.bossa.kerberos.KrbErrorMessage;
import org.bossa.kerberos.gss.AuthenticatorChecksum;
import org.bossa.kerberos.gss.GssException;
import org.bossa.kerberos.gss.Krb5MechToken;
import org.bossa.kerberos.kpasswd.ChangePasswdData;
import org.bossa.kerberos.kpasswd.KpasswdFormatException;
import org.bossa.kerberos.kpasswd.KpasswdMessage;
import org.bossa.kerberos.kpasswd.KpasswdResult;

/**
 * What a KDC or kpasswd server sends the Kerberos client, where Bossa's own code parses it:
 * KRB-ERROR (Bossa's DER reader), AS-REP / TGS-REP / METHOD-DATA / ETYPE-INFO2 through KdcMessages
 * (Kerby's decoder wrapped so that any Kerby failure is a KerberosException), the decrypted
 * EncKDCRepPart with encrypted-pa-data stripped, the GSS krb5 token framing and the authenticator
 * checksum, and the kpasswd message, result and ChangePasswdData. Failures must be the decoder's
 * documented checked exception. The first byte picks the decoder.
 */
class KerberosFuzzTest {
    private static final MethodHandle KDC_DECODE = Hidden.staticMethod("org.bossa.kerberos.KdcMessages", "decode",
            org.apache.kerby.asn1.type.Asn1Type.class, byte[].class, Class.class, String.class);
    private static final MethodHandle ENC_PART = Hidden.staticMethod("org.bossa.kerberos.KdcMessages",
            "decodeEncKdcRepPart", org.apache.kerby.kerberos.kerb.type.kdc.EncKdcRepPart.class, byte[].class);

    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void reply(byte[] input) throws Throwable {
        if (input.length == 0) {
            return;
        }
        byte[] m = Arrays.copyOfRange(input, 1, input.length);
        try {
            switch ((input[0] & 0xFF) % 11) {
                case 0 -> KrbErrorMessage.decode(m);
                case 1 -> KDC_DECODE.invoke(m, AsRep.class, "AS-REP");
                case 2 -> KDC_DECODE.invoke(m, TgsRep.class, "TGS-REP");
                case 3 -> KDC_DECODE.invoke(m, MethodData.class, "METHOD-DATA");
                case 4 -> KDC_DECODE.invoke(m, EtypeInfo2.class, "PA-ETYPE-INFO2");
                case 5 -> ENC_PART.invoke(m);
                case 6 -> Krb5MechToken.decode(m);
                case 7 -> AuthenticatorChecksum.decode(m);
                case 8 -> KpasswdMessage.decode(m);
                case 9 -> KpasswdResult.decode(m);
                default -> ChangePasswdData.decode(m);
            }
        } catch (Der.DerException | KerberosException | GssException | KpasswdFormatException e) {
            // the exchange fails with a protocol error
        }
    }
}
