package org.bossa.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * {@code bossa testjoin}: proves the machine account works with what this server stored — a TGT
 * and a sealed LDAP bind as {@code NAME$} with the stored password, the account's key version
 * against the keytab's, and a Netlogon secure channel (AES, sealed, the KB5028185 capability check
 * passed). Each check is reported; the join is good only if all pass.
 */
public final class JoinCheck {

    /** One check: what was checked, whether it passed, and what was seen. */
    public record Check(String name, boolean ok, String detail) {
    }

    private final DomainConnector net;

    public JoinCheck(DomainConnector net) {
        this.net = Objects.requireNonNull(net);
    }

    public List<Check> run(DomainSettings s, DomainMembership m) {
        List<Check> checks = new ArrayList<>();
        String machine = m.machinePrincipal();
        char[] password = m.machinePassword().toCharArray();
        try (DirectorySession dir = net.openDirectory(s, machine, password)) {
            checks.add(new Check("DC", true, dir.dc().hostName() + " (" + dir.dc().address().getHostAddress() + ")"
                    + (dir.dc().dcSite().isEmpty() ? "" : ", site " + dir.dc().dcSite())));
            try {
                net.login(s, dir.dc(), machine, password);
                checks.add(new Check("Kerberos", true, "TGT for " + machine + " with the stored password"));
            } catch (DomainException e) {
                checks.add(new Check("Kerberos", false, e.getMessage()));
            }
            checks.add(new Check("LDAP", true, dir.description()));
            try {
                ComputerAccount account = dir.accounts().read(m.computerDn());
                boolean enabled = !account.disabled();
                checks.add(new Check("Account", enabled, account.dn() + (enabled ? "" : " is disabled")));
                OptionalInt inKeytab = net.newestKvno(m.keytab(), machine);
                boolean kvnoOk = inKeytab.isPresent() && inKeytab.getAsInt() == account.kvno()
                        && account.kvno() == m.kvno();
                checks.add(new Check("Keytab", kvnoOk, m.keytab() + ": kvno "
                        + (inKeytab.isPresent() ? inKeytab.getAsInt() : "none") + ", DC kvno " + account.kvno()
                        + ", stored kvno " + m.kvno()));
            } catch (DomainException e) {
                checks.add(new Check("Account", false, e.getMessage()));
            }
        } catch (DomainException e) {
            checks.add(new Check("Machine logon", false, e.getMessage()));
        }
        try {
            checks.add(new Check("Secure channel", true, net.secureChannel(s, m)));
        } catch (DomainException e) {
            checks.add(new Check("Secure channel", false, e.getMessage()));
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        return checks;
    }
}
