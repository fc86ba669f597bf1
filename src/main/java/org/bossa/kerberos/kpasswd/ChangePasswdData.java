package org.bossa.kerberos.kpasswd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bossa.kerberos.Der;
import org.bossa.kerberos.Der.DerException;
import org.bossa.kerberos.Der.Tlv;
import org.bossa.kerberos.KerberosName;

/**
 * RFC 3244 2: {@code ChangePasswdData ::= SEQUENCE { newpasswd [0] OCTET STRING, targname [1]
 * PrincipalName OPTIONAL, targrealm [2] Realm OPTIONAL }}. Without a target it changes the password
 * of the ticket's client. The new password is UTF-8; {@link #toString()} never shows it.
 */
public record ChangePasswdData(byte[] newPassword, KerberosName target) {
    public ChangePasswdData {
        newPassword = newPassword.clone();
    }

    @Override
    public byte[] newPassword() {
        return newPassword.clone();
    }

    public byte[] encode() {
        List<byte[]> fields = new ArrayList<>();
        fields.add(Der.tlv(Der.context(0), Der.octetString(newPassword)));
        if (target != null) {
            List<byte[]> names = new ArrayList<>();
            for (String c : target.components()) {
                names.add(Der.generalString(c));
            }
            byte[] principalName = Der.tlv(Der.SEQUENCE,
                    Der.tlv(Der.context(0), Der.integer(target.nameType())),
                    Der.tlv(Der.context(1), Der.tlv(Der.SEQUENCE, names.toArray(byte[][]::new))));
            fields.add(Der.tlv(Der.context(1), principalName));
            fields.add(Der.tlv(Der.context(2), Der.generalString(target.realm())));
        }
        return Der.tlv(Der.SEQUENCE, fields.toArray(byte[][]::new));
    }

    public static ChangePasswdData decode(byte[] der) throws KpasswdFormatException {
        try {
            Tlv seq = Der.readWhole(der);
            if (seq.tag() != Der.SEQUENCE) {
                throw new KpasswdFormatException("ChangePasswdData is not a SEQUENCE");
            }
            byte[] pw = null;
            List<String> names = null;
            int nameType = 0;
            String realm = null;
            for (Tlv f : Der.children(seq)) {
                Tlv inner = Der.unwrap(f);
                if (f.tag() == Der.context(0)) {
                    pw = Der.octets(inner);
                } else if (f.tag() == Der.context(1)) {
                    names = new ArrayList<>();
                    for (Tlv pf : Der.children(inner)) {
                        if (pf.tag() == Der.context(0)) {
                            nameType = (int) Der.integer(Der.unwrap(pf));
                        } else if (pf.tag() == Der.context(1)) {
                            for (Tlv s : Der.children(Der.unwrap(pf))) {
                                names.add(Der.string(s));
                            }
                        }
                    }
                } else if (f.tag() == Der.context(2)) {
                    realm = Der.string(inner);
                }
            }
            if (pw == null || (names == null) != (realm == null)) {
                throw new KpasswdFormatException("ChangePasswdData without newpasswd, or with only one of targname and targrealm");
            }
            ChangePasswdData d = new ChangePasswdData(pw, names == null ? null : new KerberosName(names, realm, nameType));
            Arrays.fill(pw, (byte) 0);
            return d;
        } catch (DerException | IllegalArgumentException e) {
            throw new KpasswdFormatException("malformed ChangePasswdData: " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangePasswdData d && Arrays.equals(d.newPassword, newPassword)
                && java.util.Objects.equals(d.target, target);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(target);
    }

    @Override
    public String toString() {
        return "ChangePasswdData[target=" + target + ", newPassword hidden]";
    }
}
