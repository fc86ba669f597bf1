package org.bossa.app.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bossa.domain.ComputerAccount;
import org.bossa.domain.DomainMembership;
import org.bossa.domain.SecureChannelReport;
import picocli.CommandLine.Command;

/** {@code bossa info}: what this member knows about its domain, from the stored membership. */
@Command(name = "info", description = "Show the domain membership: domain, realm, SID, DC, site, kvno, enctypes, last password change.")
public final class InfoCommand extends DomainCommand {
    @Override
    int run(Context ctx) {
        DomainMembership m = ctx.requireJoined();
        long days = Duration.between(m.passwordChangedAt(), Instant.now()).toDays();
        String[][] rows = {
            {"Domain", m.netbiosDomain() + " (" + m.dnsDomain() + ")"},
            {"Realm", m.realm()},
            {"Domain SID", m.domainSid()},
            {"Computer", m.computer().samAccountName() + " (" + m.computer().dnsHostName() + ")"},
            {"Account DN", m.computerDn()},
            {"DC", m.dcHostName()},
            {"Site", m.dcSite().isEmpty() ? "(unknown)" : m.dcSite()},
            {"Key version", Integer.toString(m.kvno())},
            {"Enctypes", enctypes(m.encryptionTypes())},
            {"Keytab", m.keytab().toString()},
            {"Joined", m.joinedAt().toString()},
            {"Password set", m.passwordChangedAt() + " (" + days + (days == 1 ? " day" : " days") + " ago)"},
        };
        for (String[] row : rows) {
            ctx.out().printf("%-14s %s%n", row[0] + ":", row[1]);
        }
        // what the running server last recorded (bossa serve keeps it in the state store)
        String channel = ctx.store().getSecret(SecureChannelReport.KEY)
                .map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8))
                .orElse("(no logon through the secure channel yet)");
        String[] lines = channel.split("\n");
        ctx.out().printf("%-14s %s%n", "Secure channel:", lines[0]);
        for (int i = 1; i < lines.length; i++) {
            ctx.out().printf("%-14s %s%n", "", lines[i]);
        }
        return 0;
    }

    static String enctypes(int bits) {
        List<String> names = new ArrayList<>();
        if ((bits & ComputerAccount.AES256) != 0) {
            names.add("aes256-cts-hmac-sha1-96");
        }
        if ((bits & ComputerAccount.AES128) != 0) {
            names.add("aes128-cts-hmac-sha1-96");
        }
        if ((bits & ComputerAccount.RC4) != 0) {
            names.add("arcfour-hmac");
        }
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }
}
