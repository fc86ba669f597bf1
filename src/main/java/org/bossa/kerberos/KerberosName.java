package org.bossa.kerberos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kerby.kerberos.kerb.type.base.NameType;
import org.apache.kerby.kerberos.kerb.type.base.PrincipalName;

/**
 * A principal name with its realm (RFC 4120 6.2), written {@code comp1/comp2@REALM}; '/', '@' and
 * '\' inside a component are escaped with '\' as in RFC 1964 2.1.1.
 *
 * @param nameType NT-PRINCIPAL (1) for users and computers, NT-SRV-INST (2) for services and krbtgt
 */
public record KerberosName(List<String> components, String realm, int nameType) {
    public static final int NT_PRINCIPAL = 1;
    public static final int NT_SRV_INST = 2;

    public KerberosName {
        components = List.copyOf(components);
        if (components.isEmpty() || components.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("empty principal name component");
        }
        if (realm == null || realm.isEmpty()) {
            throw new IllegalArgumentException("principal without realm");
        }
    }

    /**
     * Parses {@code name[/instance]...[@REALM]}; without a realm, {@code defaultRealm}. The name type
     * is NT-SRV-INST when there is more than one component (a service), else NT-PRINCIPAL.
     */
    public static KerberosName parse(String text, String defaultRealm) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        String realm = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (++i == text.length()) {
                    throw new IllegalArgumentException("trailing '\\' in principal '" + text + "'");
                }
                cur.append(text.charAt(i));
            } else if (c == '/' && realm == null) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else if (c == '@' && realm == null) {
                parts.add(cur.toString());
                cur.setLength(0);
                realm = "";
            } else {
                cur.append(c);
            }
        }
        if (realm == null) {
            parts.add(cur.toString());
            realm = defaultRealm;
        } else {
            realm = cur.toString();
        }
        if (realm == null || realm.isEmpty()) {
            throw new IllegalArgumentException("principal '" + text + "' has no realm");
        }
        return new KerberosName(parts, realm, parts.size() > 1 ? NT_SRV_INST : NT_PRINCIPAL);
    }

    /** krbtgt/REALM@REALM, the ticket-granting service. */
    public static KerberosName krbtgt(String realm) {
        return new KerberosName(List.of("krbtgt", realm), realm, NT_SRV_INST);
    }

    /** From a Kerby name and the realm it belongs to (Kerby keeps the realm beside the name). */
    public static KerberosName fromKerby(PrincipalName name, String realm) {
        return new KerberosName(name.getNameStrings(), realm, name.getNameType().getValue());
    }

    /** A fresh Kerby PrincipalName (mutable, so never shared). */
    public PrincipalName toKerby() {
        PrincipalName p = new PrincipalName(components, NameType.fromValue(nameType));
        p.setRealm(realm);
        return p;
    }

    public boolean isKrbtgt() {
        return components.size() == 2 && components.getFirst().equals("krbtgt");
    }

    /** The name without the realm, escaped. */
    public String nameWithoutRealm() {
        StringBuilder b = new StringBuilder();
        for (String c : components) {
            if (!b.isEmpty()) {
                b.append('/');
            }
            b.append(c.replace("\\", "\\\\").replace("/", "\\/").replace("@", "\\@"));
        }
        return b.toString();
    }

    /** Same components and realm; the realm compared case-insensitively as AD does. */
    public boolean sameAs(KerberosName other) {
        return components.equals(other.components) && realm.toUpperCase(Locale.ROOT)
                .equals(other.realm.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return nameWithoutRealm() + "@" + realm;
    }
}
