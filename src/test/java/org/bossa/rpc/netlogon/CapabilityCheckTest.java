package org.bossa.rpc.netlogon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bossa.dcerpc.FaultStatus;
import org.bossa.dcerpc.client.RpcFaultException;
import org.bossa.rpc.netlogon.ndr.LogonGetCapabilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The KB5028185 decision of {@link CapabilityCheck#decide}, with scripted GetCapabilities answers. */
class CapabilityCheckTest {

    /** What a Samba 4.17 DC negotiates for our request (it grants every flag we ask for). */
    private static final int SAMBA_417 = 0x610ffffb;
    private static final int REQUESTED = NetlogonFlags.REQUESTED;
    private static final String DC = "dc1.example.test";

    @Test
    void matchingAnswersAtBothLevelsPass() throws Exception {
        ScriptedQuery q = new ScriptedQuery().answer(1, SAMBA_417).answer(2, REQUESTED);
        CountingFallback fb = new CountingFallback();

        String how = CapabilityCheck.decide(SAMBA_417, REQUESTED, q, fb, DC);

        assertThat(how).contains("levels 1 and 2 match").contains(NetlogonFlags.hex(SAMBA_417))
                .contains(NetlogonFlags.hex(REQUESTED));
        assertThat(q.asked).containsExactly(LogonGetCapabilities.LEVEL_SERVER_CAPABILITIES,
                LogonGetCapabilities.LEVEL_REQUESTED_FLAGS);
        assertThat(fb.calls).isZero();
    }

    @Test
    void aForgedLevelOneAnswerIsADowngradeAndLevelTwoIsNeverAsked() {
        int forged = SAMBA_417 & ~NetlogonFlags.SUPPORTS_AES;
        ScriptedQuery q = new ScriptedQuery().answer(1, forged).answer(2, REQUESTED);
        CountingFallback fb = new CountingFallback();

        assertThatThrownBy(() -> CapabilityCheck.decide(SAMBA_417, REQUESTED, q, fb, DC))
                .isInstanceOfSatisfying(NetlogonException.class, e -> {
                    assertThat(e.reason()).isEqualTo(NetlogonException.Cause.DOWNGRADE_DETECTED);
                    assertThat(e.getMessage()).contains("NT_STATUS_DOWNGRADE_DETECTED").contains(DC)
                            .contains(NetlogonFlags.hex(forged));
                });
        assertThat(q.asked).containsExactly(LogonGetCapabilities.LEVEL_SERVER_CAPABILITIES);
        assertThat(fb.calls).isZero();
    }

    @Test
    void aLevelOneAnswerWithAnExtraFlagIsADowngradeToo() {
        // a single bit either way is a mismatch: here the RC4 bit the member never proposes
        ScriptedQuery q = new ScriptedQuery().answer(1, SAMBA_417 | NetlogonFlags.ARCFOUR).answer(2, REQUESTED);
        assertThatThrownBy(() -> CapabilityCheck.decide(SAMBA_417, REQUESTED, q, new CountingFallback(), DC))
                .isInstanceOfSatisfying(NetlogonException.class,
                        e -> assertThat(e.reason()).isEqualTo(NetlogonException.Cause.DOWNGRADE_DETECTED));
        assertThat(q.asked).containsExactly(LogonGetCapabilities.LEVEL_SERVER_CAPABILITIES);
    }

    @Test
    void aForgedLevelTwoAnswerIsADowngrade() {
        int forged = REQUESTED & ~NetlogonFlags.AUTHENTICATED_RPC;
        ScriptedQuery q = new ScriptedQuery().answer(1, SAMBA_417).answer(2, forged);
        CountingFallback fb = new CountingFallback();

        assertThatThrownBy(() -> CapabilityCheck.decide(SAMBA_417, REQUESTED, q, fb, DC))
                .isInstanceOfSatisfying(NetlogonException.class, e -> {
                    assertThat(e.reason()).isEqualTo(NetlogonException.Cause.DOWNGRADE_DETECTED);
                    assertThat(e.getMessage()).contains("NT_STATUS_DOWNGRADE_DETECTED")
                            .contains(NetlogonFlags.hex(forged));
                });
        assertThat(q.asked).containsExactly(1, 2);
        assertThat(fb.calls).isZero();
    }

    @Test
    void aLevelTwoInvalidTagFaultMeansAnOldDcAndTheFallbackConfirmsOnce() throws Exception {
        // what the Samba 4.17 test DC answers (netlogon-dc.vectors: Samba maps it to 0xc003000a)
        ScriptedQuery q = new ScriptedQuery().answer(1, SAMBA_417).fault(2, FaultStatus.INVALID_TAG);
        CountingFallback fb = new CountingFallback();

        String how = CapabilityCheck.decide(SAMBA_417, REQUESTED, q, fb, DC);

        assertThat(fb.calls).isEqualTo(1);
        assertThat(q.asked).containsExactly(1, 2);
        assertThat(how).contains("level 2 not supported").contains("confirmed")
                .contains("DCERPC_NCA_S_FAULT_INVALID_TAG").doesNotContain("levels 1 and 2 match");
    }

    @ParameterizedTest
    @ValueSource(ints = {FaultStatus.BAD_STUB_DATA, CapabilityCheck.X_ENUM_VALUE_OUT_OF_RANGE,
            CapabilityCheck.NT_ENUM_VALUE_OUT_OF_RANGE})
    void theOtherOldDcFaultsTakeTheFallbackToo(int fault) throws Exception {
        ScriptedQuery q = new ScriptedQuery().answer(1, SAMBA_417).fault(2, fault);
        CountingFallback fb = new CountingFallback();

        String how = CapabilityCheck.decide(SAMBA_417, REQUESTED, q, fb, DC);

        assertThat(fb.calls).isEqualTo(1);
        assertThat(how).contains("level 2 not supported").contains(FaultStatus.name(fault));
    }

    @ParameterizedTest
    @ValueSource(ints = {FaultStatus.ACCESS_DENIED, FaultStatus.OP_RNG_ERROR, FaultStatus.PROTO_ERROR,
            FaultStatus.OTHER, FaultStatus.SEC_PKG_ERROR, 0xC0000022})
    void anyOtherLevelTwoFaultIsADowngradeAndNeverTakesTheFallback(int fault) {
        ScriptedQuery q = new ScriptedQuery().answer(1, SAMBA_417).fault(2, fault);
        CountingFallback fb = new CountingFallback();

        assertThatThrownBy(() -> CapabilityCheck.decide(SAMBA_417, REQUESTED, q, fb, DC))
                .isInstanceOfSatisfying(NetlogonException.class, e -> {
                    assertThat(e.reason()).isEqualTo(NetlogonException.Cause.DOWNGRADE_DETECTED);
                    assertThat(e.getMessage()).contains("NT_STATUS_DOWNGRADE_DETECTED").contains("level 2")
                            .contains(FaultStatus.name(fault));
                    assertThat(e.getCause()).isInstanceOf(RpcFaultException.class);
                });
        assertThat(fb.calls).isZero();
    }

    @Test
    void aFailingFallbackPropagates() {
        ScriptedQuery q = new ScriptedQuery().answer(1, SAMBA_417).fault(2, FaultStatus.INVALID_TAG);
        NetlogonException broken = new NetlogonException(NetlogonException.Cause.PROTOCOL, "NetrLogonControl failed");
        CountingFallback fb = new CountingFallback(broken);

        assertThatThrownBy(() -> CapabilityCheck.decide(SAMBA_417, REQUESTED, q, fb, DC)).isSameAs(broken);
        assertThat(fb.calls).isEqualTo(1);
    }

    @Test
    void aLevelOneFaultIsAProtocolErrorWithoutFallback() {
        ScriptedQuery q = new ScriptedQuery().fault(1, FaultStatus.INVALID_TAG).answer(2, REQUESTED);
        CountingFallback fb = new CountingFallback();

        assertThatThrownBy(() -> CapabilityCheck.decide(SAMBA_417, REQUESTED, q, fb, DC))
                .isInstanceOfSatisfying(NetlogonException.class, e -> {
                    assertThat(e.reason()).isEqualTo(NetlogonException.Cause.PROTOCOL);
                    assertThat(e.getMessage()).contains("level 1").contains("DCERPC_NCA_S_FAULT_INVALID_TAG");
                    assertThat(e.getCause()).isInstanceOf(RpcFaultException.class);
                });
        assertThat(q.asked).containsExactly(1);
        assertThat(fb.calls).isZero();
    }

    @Test
    void aNetlogonExceptionFromTheQueryPassesThroughUnchanged() {
        NetlogonException gone = new NetlogonException(NetlogonException.Cause.UNREACHABLE, "connection reset");
        ScriptedQuery q = new ScriptedQuery().answer(1, SAMBA_417).fail(2, gone);
        CountingFallback fb = new CountingFallback();

        assertThatThrownBy(() -> CapabilityCheck.decide(SAMBA_417, REQUESTED, q, fb, DC)).isSameAs(gone);
        assertThat(fb.calls).isZero();
    }

    /** Answers each level as scripted and records the levels asked, in order. */
    private static final class ScriptedQuery implements CapabilityCheck.Query {
        private final Map<Integer, Object> script = new HashMap<>();
        final List<Integer> asked = new ArrayList<>();

        ScriptedQuery answer(int level, int flags) {
            script.put(level, flags);
            return this;
        }

        ScriptedQuery fault(int level, int status) {
            script.put(level, new RpcFaultException(status, false));
            return this;
        }

        ScriptedQuery fail(int level, NetlogonException e) {
            script.put(level, e);
            return this;
        }

        @Override
        public int capabilities(int level) throws RpcFaultException, NetlogonException {
            asked.add(level);
            Object a = script.get(level);
            if (a instanceof RpcFaultException f) {
                throw f;
            }
            if (a instanceof NetlogonException n) {
                throw n;
            }
            if (a == null) {
                throw new AssertionError("level " + level + " was not scripted");
            }
            return (Integer) a;
        }
    }

    private static final class CountingFallback implements CapabilityCheck.OldDcFallback {
        private final NetlogonException failure;
        int calls;

        CountingFallback() {
            this(null);
        }

        CountingFallback(NetlogonException failure) {
            this.failure = failure;
        }

        @Override
        public void confirm() throws NetlogonException {
            calls++;
            if (failure != null) {
                throw failure;
            }
        }
    }
}
