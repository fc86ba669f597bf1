package org.bossa.smb2.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bossa.dcerpc.NamedPipe;
import org.bossa.dcerpc.PipeRead;
import org.bossa.smb2.wire.NtStatus;
import org.junit.jupiter.api.Test;

class BoundedPipeTest {
    /** Echoes every write back as unread output. */
    private static final class EchoPipe implements NamedPipe {
        int unread;

        @Override
        public void write(byte[] data, int off, int len) {
            unread += len;
        }

        @Override
        public PipeRead read(int maxLength) {
            int n = Math.min(maxLength, unread);
            unread -= n;
            return new PipeRead(new byte[n], false);
        }

        @Override
        public PipeRead transceive(byte[] in, int maxOut) {
            write(in);
            return read(maxOut);
        }

        @Override
        public int available() {
            return unread;
        }

        @Override
        public int nextMessageLength() {
            return unread;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void writeThatWouldExceedTheUnreadLimitIsRefusedUntilTheClientReads() {
        EchoPipe inner = new EchoPipe();
        BoundedPipe pipe = new BoundedPipe(inner, 100, "test");
        pipe.write(new byte[60], 0, 60);
        assertThatThrownBy(() -> pipe.write(new byte[41], 0, 41))
                .isInstanceOfSatisfying(SmbStatusException.class,
                        e -> assertThat(e.status()).isEqualTo(NtStatus.INSUFFICIENT_RESOURCES));
        assertThat(inner.unread).isEqualTo(60);
        pipe.read(60);
        pipe.write(new byte[100], 0, 100);
        assertThat(pipe.available()).isEqualTo(100);
    }
}
