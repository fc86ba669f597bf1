package org.bossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bossa.smb2.wire.FileId;
import org.bossa.smb2.wire.NtStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves nothing outside a share is read or written through it: ".." components, forward slashes,
 * a leading separator, symlinks to /etc and out of the share (neither read nor created through),
 * and a directory swapped for a symlink to /etc thousands of times while opens run. Every open
 * beneath the share root goes through openat2 with RESOLVE_BENEATH, so none may escape.
 */
class ShareEscapeIT extends HostileClientFixture {
    // ---------------------------------------------------------------- escaping the share

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"..\\..\\etc\\passwd", "..\\outside\\sentinel.txt", "sub\\..\\..\\outside\\sentinel.txt",
            "..", "..\\", ".\\..\\outside\\sentinel.txt"})
    void dotDotIsRefused(String name) throws Exception {
        Files.createDirectories(server.shareDir().resolve("sub"));
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            RawSmbClient.Response r = c.openForRead(name);
            assertRefusedWithoutContent(c, r, NtStatus.OBJECT_NAME_INVALID, NtStatus.OBJECT_PATH_SYNTAX_BAD,
                    NtStatus.INVALID_PARAMETER);
            RawSmbClient.Response made = c.createFile(name.replace("sentinel.txt", "evil.txt"));
            assertThat(made.rawStatus()).as("create through %s", name).isNotEqualTo(NtStatus.SUCCESS.code());
            assertStillServes(c);
        } finally {
            Files.deleteIfExists(server.shareDir().resolve("sub"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"../outside/sentinel.txt", "/etc/passwd", "..\\outside/sentinel.txt"})
    void forwardSlashesAreNotSeparators(String name) throws Exception {
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            assertRefusedWithoutContent(c, c.openForRead(name), NtStatus.OBJECT_NAME_INVALID,
                    NtStatus.OBJECT_PATH_SYNTAX_BAD, NtStatus.INVALID_PARAMETER);
            assertStillServes(c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\\etc\\passwd", "\\hello.txt", "\\\\127.0.0.1\\share\\hello.txt"})
    void leadingSeparatorIsInvalidParameter(String name) throws Exception {
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            // MS-SMB2 3.3.5.9 (and Samba 4.17): a name beginning with a separator is STATUS_INVALID_PARAMETER.
            assertRefusedWithoutContent(c, c.openForRead(name), NtStatus.INVALID_PARAMETER);
            assertStillServes(c);
        }
    }

    @Test
    void symlinkToEtcIsNotFollowed() throws Exception {
        Path link = Files.createSymbolicLink(server.shareDir().resolve("etclink"), Path.of("/etc"));
        Path fileLink = Files.createSymbolicLink(server.shareDir().resolve("passwdlink"), Path.of("/etc/passwd"));
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            assertRefusedWithoutContent(c, c.openForRead("etclink\\passwd"), NtStatus.ACCESS_DENIED,
                    NtStatus.OBJECT_PATH_NOT_FOUND, NtStatus.OBJECT_NAME_NOT_FOUND);
            assertRefusedWithoutContent(c, c.openForRead("ETCLINK\\passwd"), NtStatus.ACCESS_DENIED,
                    NtStatus.OBJECT_PATH_NOT_FOUND, NtStatus.OBJECT_NAME_NOT_FOUND);
            assertRefusedWithoutContent(c, c.openForRead("passwdlink"), NtStatus.ACCESS_DENIED,
                    NtStatus.OBJECT_NAME_NOT_FOUND, NtStatus.STOPPED_ON_SYMLINK);
            assertStillServes(c);
        } finally {
            Files.delete(link);
            Files.delete(fileLink);
        }
    }

    @Test
    void symlinksOutOfTheShareNeitherReadNorCreate() throws Exception {
        Path up = Files.createSymbolicLink(server.shareDir().resolve("uplink"), Path.of("../outside"));
        Path abs = Files.createSymbolicLink(server.shareDir().resolve("outlink"), server.outsideDir());
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            for (String dir : List.of("uplink", "outlink")) {
                assertRefusedWithoutContent(c, c.openForRead(dir + "\\sentinel.txt"), NtStatus.ACCESS_DENIED,
                        NtStatus.OBJECT_PATH_NOT_FOUND, NtStatus.OBJECT_NAME_NOT_FOUND);
                RawSmbClient.Response made = c.createFile(dir + "\\evil.txt");
                assertThat(made.rawStatus()).as("create through %s", dir).isNotEqualTo(NtStatus.SUCCESS.code());
            }
            assertStillServes(c);
        } finally {
            Files.delete(up);
            Files.delete(abs);
        }
    }

    /**
     * A background thread swaps directory "d" (holding a harmless "passwd") with a symlink to /etc as
     * fast as it can for about two seconds, while the client opens and reads "d\passwd" in a loop.
     * Every open that succeeds must have read the harmless file.
     */
    @Test
    void directorySwappedForSymlinkMidRequestNeverEscapes() throws Exception {
        Path share = server.shareDir();
        Path d = share.resolve("d");
        Path aside = share.resolve("d.real");
        Path link = share.resolve("d.link");
        Files.createDirectory(d);
        Files.writeString(d.resolve("passwd"), "harmless\n");
        Files.createSymbolicLink(link, Path.of("/etc"));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger flips = new AtomicInteger();
        AtomicReference<Throwable> flipperError = new AtomicReference<>();
        Thread flipper = Thread.ofPlatform().name("symlink-flipper").start(() -> {
            try {
                while (!stop.get()) {
                    Files.move(d, aside, StandardCopyOption.ATOMIC_MOVE);
                    Files.move(link, d, StandardCopyOption.ATOMIC_MOVE);
                    Files.move(d, link, StandardCopyOption.ATOMIC_MOVE);
                    Files.move(aside, d, StandardCopyOption.ATOMIC_MOVE);
                    flips.incrementAndGet();
                }
            } catch (Throwable t) {
                flipperError.set(t);
            }
        });
        int attempts = 0;
        int opened = 0;
        List<String> statuses = new ArrayList<>();
        try (RawSmbClient c = RawSmbClient.loggedOn(server, "share")) {
            long end = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < end) {
                attempts++;
                RawSmbClient.Response r = c.openForRead("d\\passwd");
                if (r.rawStatus() != NtStatus.SUCCESS.code()) {
                    String s = NtStatus.fromCode(r.rawStatus()).map(Enum::name).orElse(Integer.toHexString(r.rawStatus()));
                    if (!statuses.contains(s)) {
                        statuses.add(s);
                    }
                    continue;
                }
                opened++;
                FileId id = RawSmbClient.fileId(r);
                NtStatus[] st = new NtStatus[1];
                byte[] data = c.read(id, 65536, st);
                c.close(id);
                if (data != null) {
                    String text = new String(data, StandardCharsets.UTF_8);
                    assertThat(text).as("open #%d read", opened).isEqualTo("harmless\n");
                }
            }
            assertStillServes(c);
        } finally {
            stop.set(true);
            flipper.join(5000);
            restoreSwap(d, aside, link);
        }
        assertThat(flipperError.get()).isNull();
        assertThat(flips.get()).as("the race really ran").isGreaterThan(20);
        assertThat(attempts).isGreaterThan(50);
        System.out.printf("symlink race: %d flips, %d opens tried, %d opened the harmless file, refusals %s%n",
                flips.get(), attempts, opened, statuses);
    }

    private static void restoreSwap(Path d, Path aside, Path link) throws IOException {
        if (Files.isSymbolicLink(d)) {
            Files.move(d, link, StandardCopyOption.ATOMIC_MOVE);
        }
        if (Files.isDirectory(aside, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(aside, d, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.deleteIfExists(link);
        Files.deleteIfExists(d.resolve("passwd"));
        Files.deleteIfExists(d);
    }

}
