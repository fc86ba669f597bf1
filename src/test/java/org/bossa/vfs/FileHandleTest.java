package org.bossa.vfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bossa.smb2.wire.NtStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHandleTest {

    @TempDir
    Path tmp;

    ShareRoot share;

    @BeforeEach
    void open() {
        share = ShareRoot.open(tmp);
    }

    @AfterEach
    void close() {
        share.close();
    }

    @Test
    void createWriteReadStat() throws Exception {
        try (FileHandle h = share.open("a.txt", OpenMode.readWrite().createNew(0640))) {
            assertTrue(h.created());
            byte[] data = "hello, bossa".getBytes(StandardCharsets.UTF_8);
            assertEquals(data.length, h.write(0, data, 0, data.length));
            ByteBuffer direct = ByteBuffer.allocateDirect(5).put("WORLD".getBytes(StandardCharsets.US_ASCII)).flip();
            assertEquals(5, h.write(7, direct));
            assertEquals(0, direct.remaining());

            byte[] back = new byte[64];
            int n = h.read(0, back, 0, back.length);
            assertEquals("hello, WORLD", new String(back, 0, n, StandardCharsets.UTF_8));
            ByteBuffer dst = ByteBuffer.allocateDirect(4);
            assertEquals(4, h.read(7, dst));
            dst.flip();
            assertEquals("WORL", StandardCharsets.US_ASCII.decode(dst).toString());
            assertEquals(0, h.read(100, ByteBuffer.allocate(10)), "0 at EOF");

            FileStat st = h.stat();
            assertEquals(12, st.size());
            assertTrue(st.isRegular());
            assertFalse(st.isDirectory());
            assertEquals(1, st.nlink());
            assertEquals(Files.getAttribute(tmp.resolve("a.txt"), "unix:ino"), st.ino());
            assertEquals(Files.getAttribute(tmp.resolve("a.txt"), "unix:uid"), st.uid());
            assertTrue(st.allocationSize() >= 0);
            assertTrue(st.btimeNanos() <= st.mtimeNanos());
            assertEquals(Files.getLastModifiedTime(tmp.resolve("a.txt")).toInstant(), st.mtime());
        }
        assertEquals("hello, WORLD", Files.readString(tmp.resolve("a.txt")));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("a.txt"))));
    }

    @Test
    void largeHeapReadAndWriteLoopOverBounceBuffer() {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        try (FileHandle h = share.open("big", OpenMode.readWrite().createNew(0600))) {
            assertEquals(data.length, h.write(0, data, 0, data.length));
            byte[] back = new byte[data.length + 100];
            assertEquals(data.length, h.read(0, back, 0, back.length));
            assertArrayEquals(data, java.util.Arrays.copyOf(back, data.length));
        }
    }

    @Test
    void bufferPositionsAndReadOnlyBuffers() {
        try (FileHandle h = share.open("buf", OpenMode.readWrite().createNew(0600))) {
            ByteBuffer src = ByteBuffer.wrap("xxABCDyy".getBytes(StandardCharsets.US_ASCII), 2, 4).asReadOnlyBuffer();
            assertEquals(4, h.write(0, src));
            assertEquals(6, src.position());
            ByteBuffer directRo = ByteBuffer.allocateDirect(2).put((byte) 'E').put((byte) 'F').flip().asReadOnlyBuffer();
            assertEquals(2, h.write(4, directRo));
            ByteBuffer dst = ByteBuffer.allocate(10).position(3).limit(9);
            assertEquals(6, h.read(0, dst));
            assertEquals(9, dst.position());
            assertEquals("ABCDEF", new String(dst.array(), 3, 6, StandardCharsets.US_ASCII));
            assertThrows(IndexOutOfBoundsException.class, () -> h.read(0, new byte[4], 2, 4));
            assertEquals(NtStatus.INVALID_PARAMETER,
                    assertThrows(VfsException.class, () -> h.read(-1, new byte[4], 0, 4)).status());
        }
    }

    @Test
    void noDescriptorLeaksOnSuccessOrFailure() throws Exception {
        Files.createDirectories(tmp.resolve("d/e"));
        Files.writeString(tmp.resolve("d/e/f"), "f");
        Files.createSymbolicLink(tmp.resolve("out"), Path.of("/etc"));
        Runnable work = () -> {
            for (String p : List.of("d/e/f", "d/e/missing", "nope/f", "out/passwd", "../x", "d/e/f/g")) {
                try (FileHandle h = share.open(p, OpenMode.read())) {
                    h.stat();
                } catch (VfsException expected) {
                    // counted below
                }
                try {
                    share.open(p, OpenMode.read().directory()).close();
                } catch (VfsException expected) {
                    // counted below
                }
            }
            share.resolve(List.of("D", "E", "F"));
            try {
                share.resolve(List.of("D", "X", "F"));
            } catch (VfsException expected) {
                // counted below
            }
            try (FileHandle d = share.open("d", OpenMode.path().directory()); DirectoryReader r = d.list()) {
                r.next();
            }
            try (FileHandle p = share.open("d/e/f", OpenMode.path())) {
                p.reopen(OpenMode.read()).close();
            }
        };
        work.run(); // warm up class loading and lazily opened JDK descriptors
        long before = openDescriptors();
        for (int i = 0; i < 20; i++) {
            work.run();
        }
        long grown = openDescriptors() - before;
        assertTrue(grown <= 2, "descriptors grew by " + grown); // slack for the JVM's own descriptors
    }

    private static long openDescriptors() throws Exception {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    @Test
    void openIfAndCreateNewAndTruncate() throws Exception {
        Files.writeString(tmp.resolve("f"), "existing");
        try (FileHandle h = share.open("f", OpenMode.readWrite().create(0644))) {
            assertFalse(h.created());
            assertEquals(8, h.stat().size());
        }
        VfsException e = assertThrows(VfsException.class, () -> share.open("f", OpenMode.readWrite().createNew(0644)));
        assertEquals(NtStatus.OBJECT_NAME_COLLISION, e.status());
        assertEquals(17, e.errno());
        try (FileHandle h = share.open("f", OpenMode.write().create(0644).truncate())) {
            assertFalse(h.created());
            assertEquals(0, h.stat().size());
        }
        try (FileHandle h = share.open("g", OpenMode.readWrite().create(0644))) {
            assertTrue(h.created());
        }
        e = assertThrows(VfsException.class, () -> share.open("missing", OpenMode.read()));
        assertEquals(NtStatus.OBJECT_NAME_NOT_FOUND, e.status());
        e = assertThrows(VfsException.class, () -> share.open("nodir/x", OpenMode.read().create(0644)));
        assertEquals(NtStatus.OBJECT_PATH_NOT_FOUND, e.status(), "missing parent");
        e = assertThrows(VfsException.class, () -> share.open("nodir/x", OpenMode.read()));
        assertEquals(NtStatus.OBJECT_PATH_NOT_FOUND, e.status(), "missing parent");
    }

    @Test
    void truncateAllocateTimesChmod() {
        try (FileHandle h = share.open("t", OpenMode.readWrite().createNew(0644))) {
            h.write(0, new byte[10000], 0, 10000);
            h.truncate(100);
            assertEquals(100, h.stat().size());
            h.truncate(1 << 20);
            assertEquals(1 << 20, h.stat().size());
            h.allocate(4 << 20);
            FileStat st = h.stat();
            assertEquals(1 << 20, st.size(), "KEEP_SIZE");
            assertTrue(st.allocationSize() >= 4 << 20, "allocated " + st.allocationSize());

            long mtime = 1_600_000_000_123_456_789L;
            h.setTimes(null, mtime);
            assertEquals(mtime, h.stat().mtimeNanos());
            long atime = 1_500_000_000_000_000_001L;
            h.setTimes(atime, null);
            assertEquals(atime, h.stat().atimeNanos());
            assertEquals(mtime, h.stat().mtimeNanos(), "null leaves mtime alone");

            h.chmod(0600);
            assertEquals(0600, h.stat().permissions());
            FileStat before = h.stat();
            h.chown(-1, -1);
            assertEquals(before.uid(), h.stat().uid());
            h.fsync();
            h.fdatasync();
        }
    }

    @Test
    void xattrsOnDataAndPathHandles() throws Exception {
        Files.writeString(tmp.resolve("x"), "x");
        try (FileHandle h = share.open("x", OpenMode.readWrite())) {
            assertNull(h.getXattr("user.DOSATTRIB"));
            h.setXattr("user.DOSATTRIB", new byte[] {1, 2, 3});
            h.setXattr("user.empty", new byte[0]);
            assertArrayEquals(new byte[] {1, 2, 3}, h.getXattr("user.DOSATTRIB"));
            assertArrayEquals(new byte[0], h.getXattr("user.empty"));
            assertTrue(h.listXattrs().containsAll(List.of("user.DOSATTRIB", "user.empty")));
            h.removeXattr("user.empty");
            h.removeXattr("user.never-set");
            assertFalse(h.listXattrs().contains("user.empty"));
        }
        try (FileHandle p = share.open("x", OpenMode.path())) {
            assertArrayEquals(new byte[] {1, 2, 3}, p.getXattr("user.DOSATTRIB"));
            p.setXattr("user.stream", "data".getBytes(StandardCharsets.UTF_8));
            assertTrue(p.listXattrs().contains("user.stream"));
            p.removeXattr("user.stream");
            assertNull(p.getXattr("user.stream"));
            p.chmod(0604);
            p.setTimes(null, 1_000_000_000L);
            FileStat st = p.stat();
            assertEquals(0604, st.permissions());
            assertEquals(1_000_000_000L, st.mtimeNanos());
        }
        try (FileHandle d = share.open(".", OpenMode.path().directory())) {
            d.setXattr("user.dir", new byte[] {9});
            assertArrayEquals(new byte[] {9}, d.getXattr("user.dir"));
        }
    }

    @Test
    void pathHandleRefusesDataIoAndReopenUpgrades() throws Exception {
        Files.writeString(tmp.resolve("p"), "payload");
        try (FileHandle p = share.open("p", OpenMode.path())) {
            VfsException e = assertThrows(VfsException.class, () -> p.read(0, new byte[4], 0, 4));
            assertEquals(NtStatus.INVALID_HANDLE, e.status());
            try (FileHandle r = p.reopen(OpenMode.read())) {
                byte[] b = new byte[7];
                assertEquals(7, r.read(0, b, 0, 7));
                assertEquals("payload", new String(b, StandardCharsets.US_ASCII));
                assertEquals(p.stat().ino(), r.stat().ino());
            }
            try (FileHandle w = p.reopen(OpenMode.write().truncate())) {
                assertEquals(0, w.stat().size());
            }
        }
    }

    @Test
    void kindChecks() throws Exception {
        Files.createDirectory(tmp.resolve("d"));
        Files.writeString(tmp.resolve("f"), "f");
        VfsException e = assertThrows(VfsException.class, () -> share.open("d", OpenMode.read().nonDirectory()));
        assertEquals(NtStatus.FILE_IS_A_DIRECTORY, e.status());
        e = assertThrows(VfsException.class, () -> share.open("d", OpenMode.readWrite()));
        assertEquals(NtStatus.FILE_IS_A_DIRECTORY, e.status());
        e = assertThrows(VfsException.class, () -> share.open("f", OpenMode.read().directory()));
        assertEquals(NtStatus.NOT_A_DIRECTORY, e.status());
        e = assertThrows(VfsException.class, () -> share.open("f/x", OpenMode.read().directory()));
        assertEquals(NtStatus.OBJECT_PATH_NOT_FOUND, e.status());
        e = assertThrows(VfsException.class, () -> share.open("f/x", OpenMode.read()));
        assertEquals(NtStatus.OBJECT_PATH_NOT_FOUND, e.status());
        try (FileHandle d = share.open("d", OpenMode.path().directory())) {
            assertTrue(d.stat().isDirectory());
        }
    }

    @Test
    void specialFilesAreNotOpenedForData() throws Exception {
        Path fifo = tmp.resolve("fifo");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, p.waitFor());
        VfsException e = assertThrows(VfsException.class, () -> share.open("fifo", OpenMode.read()));
        assertEquals(NtStatus.ACCESS_DENIED, e.status());
        try (FileHandle h = share.open("fifo", OpenMode.path())) {
            assertFalse(h.stat().isRegular());
        }
    }

    @Test
    void statfsAndReadlink() throws Exception {
        FsStat fs = share.statfs();
        assertTrue(fs.blockSize() > 0);
        assertTrue(fs.totalBlocks() > 0);
        assertTrue(fs.availableBlocks() <= fs.freeBlocks());
        assertEquals(255, fs.maxNameLength());
        Files.createSymbolicLink(tmp.resolve("ln"), Path.of("some/target"));
        try (FileHandle l = share.open("ln", OpenMode.path().noFollow())) {
            assertTrue(l.stat().isSymlink());
            assertEquals("some/target", l.readlink());
            assertEquals(fs.fsId(), l.statfs().fsId());
        }
    }

    @Test
    void closedHandleFailsAndConcurrentUseIsSafe() throws Exception {
        FileHandle h = share.open("c", OpenMode.readWrite().createNew(0644));
        int threads = 64;
        try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final int id = t;
                futures.add(exec.submit(() -> {
                    byte[] block = new byte[4096];
                    java.util.Arrays.fill(block, (byte) id);
                    for (int i = 0; i < 20; i++) {
                        h.write((long) id * 4096, block, 0, block.length);
                        byte[] back = new byte[4096];
                        assertEquals(4096, h.read((long) id * 4096, back, 0, 4096));
                        assertArrayEquals(block, back);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        assertEquals((long) threads * 4096, h.stat().size());
        h.close();
        h.close();
        VfsException e = assertThrows(VfsException.class, h::stat);
        assertEquals(NtStatus.FILE_CLOSED, e.status());
    }

    @Test
    void closeWhileOthersUseTheHandleNeverCrossesDescriptors() throws Exception {
        Files.writeString(tmp.resolve("mine"), "MINE");
        Files.writeString(tmp.resolve("other"), "OTHR");
        for (int round = 0; round < 20; round++) {
            FileHandle h = share.open("mine", OpenMode.read());
            try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    futures.add(exec.submit(() -> {
                        byte[] b = new byte[4];
                        for (int i = 0; i < 200; i++) {
                            try {
                                h.read(0, b, 0, 4);
                                assertEquals("MINE", new String(b, StandardCharsets.US_ASCII));
                            } catch (VfsException closed) {
                                assertEquals(NtStatus.FILE_CLOSED, closed.status());
                                return null;
                            }
                            // another open reusing the number must never be read through h
                            share.open("other", OpenMode.read()).close();
                        }
                        return null;
                    }));
                }
                h.close();
                for (Future<?> f : futures) {
                    f.get();
                }
            }
        }
    }
}
