package org.bossa.smb2.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** MS-SMB2 3.3.1.1 CommandSequenceWindow: ids used once, inside the window, sliding as used. */
class CreditWindowTest {
    @Test
    void newConnectionMayOnlySendMessageZero() {
        CreditWindow w = new CreditWindow();
        assertThat(w.consume(1, 1)).isFalse();
        assertThat(w.consume(0, 1)).isTrue();
        assertThat(w.consume(0, 1)).isFalse();
    }

    @Test
    void grantsOpenTheWindowAndIdsAreSingleUse() {
        CreditWindow w = new CreditWindow();
        w.consume(0, 1);
        assertThat(w.grant(10)).isEqualTo(10);
        assertThat(w.consume(5, 1)).isTrue();
        assertThat(w.consume(5, 1)).isFalse();
        assertThat(w.consume(1, 4)).isTrue();
        assertThat(w.consume(6, 5)).isTrue();
        assertThat(w.consume(11, 1)).isFalse();
        assertThat(w.outstanding()).isZero();
    }

    @Test
    void multiCreditRequestMustFitEntirely() {
        CreditWindow w = new CreditWindow();
        w.consume(0, 1);
        w.grant(4);
        assertThat(w.consume(1, 8)).isFalse();
        assertThat(w.consume(1, 4)).isTrue();
    }

    @Test
    void absurdRequestsAreCappedAndOverflowRefused() {
        CreditWindow w = new CreditWindow();
        w.consume(0, 1);
        assertThat(w.grant(65535)).isEqualTo(CreditWindow.MAX_CREDITS);
        assertThat(w.grant(100)).isZero();
        assertThat(w.consume(Long.MAX_VALUE, 2)).isFalse();
        assertThat(w.consume(-1, 1)).isFalse();
    }

    @Test
    void aClientWithNoCreditsAlwaysGetsOne() {
        CreditWindow w = new CreditWindow();
        w.consume(0, 1);
        assertThat(w.grant(0)).isEqualTo(1);
    }
}
