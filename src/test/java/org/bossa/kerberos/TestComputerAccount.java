package org.bossa.kerberos;

import java.util.List;
import org.bossa.it.dc.DcInfo;
import org.bossa.it.dc.LoopbackDc;
import org.bossa.kerberos.kpasswd.KpasswdClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A computer account {@code NAME$} at the loopback DC for the length of one test class, with the
 * clients the Kerberos ITs drive it through: the DC's KDC and its kpasswd service. The account is
 * made enabled with a random password, which a test replaces with kpasswd as the join does
 * ({@link DcInfo#createEnabledComputer}), and is deleted after the class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestComputerAccount COMPUTER = new TestComputerAccount("KRBTEST1");
 * private final KdcClient kdc = COMPUTER.kdc();   // test instances are made after beforeAll
 * }</pre>
 */
final class TestComputerAccount implements BeforeAllCallback, AfterAllCallback {
    private final String name;
    private DcInfo dc;
    private KdcClient kdc;
    private KpasswdClient kpasswd;

    TestComputerAccount(String name) {
        this.name = name;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        dc = LoopbackDc.running(context);
        KdcConfig config = KdcConfig.of(dc.realm(), List.of(dc.dcIp()));
        kdc = new KdcClient(config);
        kpasswd = KpasswdClient.forRealm(config, kdc.clock());
        dc.createEnabledComputer(name);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (dc != null) {
            dc.deleteComputerIfPresent(name);
        }
    }

    DcInfo dc() {
        return started(dc);
    }

    KdcClient kdc() {
        return started(kdc);
    }

    KpasswdClient kpasswd() {
        return started(kpasswd);
    }

    private <T> T started(T value) {
        if (value == null) {
            throw new IllegalStateException("computer account " + name + "$ used before its test class started");
        }
        return value;
    }
}
