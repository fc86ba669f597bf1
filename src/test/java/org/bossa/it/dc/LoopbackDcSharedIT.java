package org.bossa.it.dc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A second class using the fixture (through {@code @RegisterExtension} this time): failsafe runs it
 * in the same JVM as {@link LoopbackDcIT}, and the DC must not be started a second time.
 */
class LoopbackDcSharedIT {

    @RegisterExtension
    static final LoopbackDc DC = new LoopbackDc();

    @Test
    void usesTheDcAlreadyRunningWithoutStartingItAgain(DcInfo dc) {
        assertThat(LoopbackDc.starts()).isLessThanOrEqualTo(1);
        ToolResult kinit = dc.kinit("bob@" + dc.realm(), DcInfo.BOB_PASSWORD);
        assertThat(kinit.succeeded()).as("%s", kinit).isTrue();
    }
}
