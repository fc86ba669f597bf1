package org.bossa.identity.userdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VarlinkFrameReaderTest {
    private static VarlinkFrameReader reader(byte[] bytes, int max) {
        ReadableByteChannel ch = Channels.newChannel(new ByteArrayInputStream(bytes));
        return new VarlinkFrameReader(ch, max);
    }

    @Test
    void splitsAtNulAndEndsCleanlyBetweenMessages() throws Exception {
        VarlinkFrameReader r = reader("{\"a\":1}\0{}\0\"é\"\0".getBytes(StandardCharsets.UTF_8), 16);
        assertThat(r.next()).isEqualTo("{\"a\":1}");
        assertThat(r.next()).isEqualTo("{}");
        assertThat(r.next()).isEqualTo("\"é\"");
        assertThat(r.next()).isNull();
    }

    @Test
    void aMessageOfExactlyTheCapPassesAndOneByteMoreDoesNot() throws Exception {
        byte[] ok = ("x".repeat(16) + "\0").getBytes(StandardCharsets.US_ASCII);
        assertThat(reader(ok, 16).next()).hasSize(16);
        byte[] tooLong = ("x".repeat(17) + "\0").getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> reader(tooLong, 16).next()).isInstanceOf(VarlinkProtocolException.class);
        // never terminated: refused once the cap is passed, not buffered forever
        byte[] endless = "y".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> reader(endless, 16).next()).isInstanceOf(VarlinkProtocolException.class);
    }

    @Test
    void aStreamEndingInsideAMessageOrNonUtf8IsAProtocolError() {
        assertThatThrownBy(() -> reader("{\"a\"".getBytes(StandardCharsets.US_ASCII), 64).next())
                .isInstanceOf(VarlinkProtocolException.class);
        assertThatThrownBy(() -> reader(new byte[] {'"', (byte) 0xC3, '"', 0}, 64).next())
                .isInstanceOf(VarlinkProtocolException.class);
    }

    @Test
    void callsNeedAMethodAndObjectParameters() throws Exception {
        VarlinkCall c = VarlinkCall.parse("{\"method\":\"a.B\",\"parameters\":{\"uid\":5},\"more\":true}");
        assertThat(c.method()).isEqualTo("a.B");
        assertThat(c.parameters()).containsEntry("uid", 5L);
        assertThat(c.more()).isTrue();
        assertThat(c.oneway()).isFalse();
        assertThat(VarlinkCall.parse("{\"method\":\"a.B\"}").parameters()).isEmpty();
        for (String bad : new String[] {"[]", "{}", "{\"method\":1}", "{\"method\":\"\"}",
                "{\"method\":\"a.B\",\"parameters\":[]}", "{\"method\":\"a.B\",\"more\":1}", "nope"}) {
            assertThatThrownBy(() -> VarlinkCall.parse(bad)).as(bad).isInstanceOf(VarlinkProtocolException.class);
        }
    }

    @Test
    void rejectsANonPositiveCap() {
        assertThatThrownBy(() -> reader(new byte[0], 0)).isInstanceOf(IllegalArgumentException.class);
    }

}
