package org.bossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.bossa.smb2.wire.CreateDisposition;
import org.bossa.smb2.wire.CreateOptions;
import org.bossa.smb2.wire.FileId;
import org.bossa.smb2.wire.LockElement;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.smb2.wire.ShareAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Share modes and byte-range locks belong to one open, whatever connection another open of the
 * same file comes from: opening and closing the file on a second connection (whose first open
 * once got the same id) must not drop the first connection's deny-all share mode or its locks.
 */
class OpenIdIsolationIT {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void denyAllShareModeSurvivesAnotherConnectionsAttributeOnlyOpenAndClose() throws Exception {
        Files.writeString(server.shareDir().resolve("deny.txt"), "x");
        try (RawSmbClient c1 = RawSmbClient.loggedOn(server, "share");
             RawSmbClient c2 = RawSmbClient.loggedOn(server, "share")) {
            RawSmbClient.Response held = c1.create("deny.txt", RawSmbClient.FILE_READ_DATA, 0,
                    CreateDisposition.OPEN, CreateOptions.FILE_NON_DIRECTORY_FILE);
            RawSmbClient.expect(held, NtStatus.SUCCESS, "deny-all open");

            RawSmbClient.Response attrs = c2.create("deny.txt", RawSmbClient.FILE_READ_ATTRIBUTES, ShareAccess.ALL,
                    CreateDisposition.OPEN, CreateOptions.FILE_NON_DIRECTORY_FILE);
            RawSmbClient.expect(attrs, NtStatus.SUCCESS, "attribute-only open");
            RawSmbClient.expect(c2.close(RawSmbClient.fileId(attrs)), NtStatus.SUCCESS, "close");

            RawSmbClient.Response third = c2.create("deny.txt", RawSmbClient.FILE_READ_DATA, ShareAccess.ALL,
                    CreateDisposition.OPEN, CreateOptions.FILE_NON_DIRECTORY_FILE);
            RawSmbClient.expect(third, NtStatus.SHARING_VIOLATION, "read open while the deny-all open holds");
        }
    }

    @Test
    void byteRangeLockSurvivesAnotherConnectionsOpenAndClose() throws Exception {
        Files.writeString(server.shareDir().resolve("locked.txt"), "0123456789");
        try (RawSmbClient c1 = RawSmbClient.loggedOn(server, "share");
             RawSmbClient c2 = RawSmbClient.loggedOn(server, "share")) {
            RawSmbClient.Response mine = c1.create("locked.txt", RawSmbClient.FILE_READ_DATA, ShareAccess.ALL,
                    CreateDisposition.OPEN, CreateOptions.FILE_NON_DIRECTORY_FILE);
            RawSmbClient.expect(mine, NtStatus.SUCCESS, "open");
            RawSmbClient.expect(c1.lock(RawSmbClient.fileId(mine), 0, 10,
                    LockElement.FLAG_EXCLUSIVE_LOCK | LockElement.FLAG_FAIL_IMMEDIATELY), NtStatus.SUCCESS, "lock");

            RawSmbClient.Response attrs = c2.create("locked.txt", RawSmbClient.FILE_READ_ATTRIBUTES, ShareAccess.ALL,
                    CreateDisposition.OPEN, CreateOptions.FILE_NON_DIRECTORY_FILE);
            RawSmbClient.expect(attrs, NtStatus.SUCCESS, "attribute-only open");
            RawSmbClient.expect(c2.close(RawSmbClient.fileId(attrs)), NtStatus.SUCCESS, "close");

            RawSmbClient.Response other = c2.create("locked.txt", RawSmbClient.FILE_READ_DATA, ShareAccess.ALL,
                    CreateDisposition.OPEN, CreateOptions.FILE_NON_DIRECTORY_FILE);
            RawSmbClient.expect(other, NtStatus.SUCCESS, "second reader");
            FileId otherId = RawSmbClient.fileId(other);
            NtStatus[] st = new NtStatus[1];
            assertThat(c2.read(otherId, 5, st)).isNull();
            assertThat(st[0]).as("read inside connection 1's exclusive lock").isEqualTo(NtStatus.FILE_LOCK_CONFLICT);
            RawSmbClient.expect(c2.lock(otherId, 0, 10,
                    LockElement.FLAG_EXCLUSIVE_LOCK | LockElement.FLAG_FAIL_IMMEDIATELY),
                    NtStatus.LOCK_NOT_GRANTED, "conflicting lock");
        }
    }
}
