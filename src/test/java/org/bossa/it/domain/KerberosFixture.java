package org.bossa.it.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bossa.it.dc.DcInfo;

/**
 * What the Kerberos logon ITs share: a member named BOSSA at the fixture's host address (so that
 * {@code bossa.REALM}, in /etc/hosts, is that member and clients ask the DC for a ticket to
 * {@code cifs/bossa.REALM}, which the join registered and put in the keytab), the domain users'
 * SIDs, and waiting for the member's audit line of a logon.
 */
final class KerberosFixture {
    /** The member's NetBIOS name; its DNS name is this in lower case under the realm. */
    static final String NAME = "BOSSA";
    /** The audit line is written before the SESSION_SETUP response; this only bounds a slow log flush. */
    private static final long AUDIT_WAIT_SECONDS = 5;
    /** The keys of a success line, in order. */
    static final List<String> SUCCESS_KEYS = List.of("result", "mechanism", "user", "sid", "groups", "client", "reason");
    /** The keys of a failure line, in order: {@code status} comes before {@code reason}. */
    static final List<String> FAILURE_KEYS = List.of("result", "mechanism", "user", "sid", "groups", "client", "status", "reason");

    private KerberosFixture() {
    }

    /** A member named {@link #NAME} serving at BOSSA_HOST_IP (127.0.0.4), joined; not started. */
    static MemberServer joinedMember(DcInfo dc) throws IOException {
        MemberServer member = new MemberServer(dc, NAME, System.getenv().getOrDefault("BOSSA_HOST_IP", "127.0.0.4"));
        BossaCommand.Result join = member.join();
        assertThat(join.succeeded()).as("%s", join).isTrue();
        return member;
    }

    /** {@code bossa.example.test}: the member's DNS name, the host part of its cifs/ SPN. */
    static String host(DcInfo dc) {
        return NAME.toLowerCase(Locale.ROOT) + "." + dc.realm().toLowerCase(Locale.ROOT);
    }

    /** {@code objectSid} of a domain user, as samba-tool shows it. */
    static String sid(DcInfo dc, String user) {
        String show = dc.sambaToolOrFail("user", "show", user, "--attributes", "objectSid");
        Matcher m = Pattern.compile("objectSid: (S-1-5-21-[0-9-]+)").matcher(show);
        assertThat(m.find()).as(show).isTrue();
        return m.group(1);
    }

    /**
     * The audit lines of {@code mechanism} (null: any) the member wrote after {@code mark}, once there
     * are at least {@code atLeast} of them (or what there is after a few seconds, for the assertion
     * to show).
     */
    static List<AuditLine> audit(MemberServer member, int mark, String mechanism, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AUDIT_WAIT_SECONDS);
        List<AuditLine> lines = lines(member, mark, mechanism);
        while (lines.size() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(50);
            lines = lines(member, mark, mechanism);
        }
        return lines;
    }

    /** The audit lines after {@code mark}: of {@code mechanism}, or all of them when it is null. */
    private static List<AuditLine> lines(MemberServer member, int mark, String mechanism) {
        String log = member.logSince(mark);
        return mechanism == null ? AuditLine.all(log) : AuditLine.of(log, mechanism);
    }

    /** The single audit line of {@code mechanism} after {@code mark}: one logon attempt, one line. */
    static AuditLine onlyAudit(MemberServer member, int mark, String mechanism) throws InterruptedException {
        List<AuditLine> lines = audit(member, mark, mechanism, 1);
        assertThat(lines).as("%s audit lines after the mark; log since:\n%s", mechanism, member.logSince(mark)).hasSize(1);
        return lines.getFirst();
    }
}
