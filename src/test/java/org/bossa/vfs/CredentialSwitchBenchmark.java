package org.bossa.vfs;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * The cost of running VFS calls with a user's credentials ({@link ShareRoot#as}) against running
 * them as the server. Not a unit test: run it by hand, as root, from the worktree after
 * {@code ./mvnw -o -q test-compile}:
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED --add-exports java.base/jdk.internal.vm=ALL-UNNAMED \
 *      -cp target/classes:target/test-classes org.bossa.vfs.CredentialSwitchBenchmark \
 *      [seconds per measurement, default 3] [virtual threads, default 8] [group counts, default 0,16,256]
 * </pre>
 *
 * One operation is the sequence a small SMB READ costs: open (openat2, plus the statx that checks the
 * file type), stat (statx), a 4 KiB pread, close: three switched calls when run through a view
 * (close needs none). Reports nanoseconds per operation on one platform thread (wall and CPU time of
 * that thread) and on virtual threads (wall time over all operations, so parallelism divides it),
 * and the extra cost per switch: (view - server) / 3.
 */
public final class CredentialSwitchBenchmark {

    private static final int SWITCHES_PER_OP = 3;

    private CredentialSwitchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
        int vthreads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int[] groupCounts = args.length > 2
                ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {0, 16, 256};
        System.out.println("switching: " + FsIdentity.switching() + ", " + Runtime.getRuntime().availableProcessors()
                + " CPUs, " + seconds + " s per measurement");
        if (!FsIdentity.switchingSupported()) {
            System.out.println("run as root with --add-exports java.base/jdk.internal.vm=ALL-UNNAMED to measure the switch");
        }
        Path dir = Files.createTempDirectory("bossa-switch-bench");
        try {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.write(dir.resolve("f"), new byte[64 * 1024]);
            try (ShareRoot root = ShareRoot.open(dir)) {
                List<String[]> rows = new ArrayList<>();
                Result server = measure(root, seconds, vthreads);
                rows.add(row("server (no switch)", server, null));
                for (int n : groupCounts) {
                    List<Long> groups = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        groups.add(62000L + i);
                    }
                    ShareRoot view = root.as(FsIdentity.of(61001, 61001, groups));
                    rows.add(row("as(uid 61001, " + n + " groups)", measure(view, seconds, vthreads), server));
                }
                print(rows, vthreads);
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private record Result(double platformWallNs, double platformCpuNs, double virtualWallNs) { }

    private static Result measure(ShareRoot share, double seconds, int vthreads) throws InterruptedException {
        ByteBuffer buf = ByteBuffer.allocateDirect(4096);
        long warmEnd = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < warmEnd) {
            op(share, buf);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long n = 0;
        long cpu0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 1e9);
        long t;
        do {
            for (int i = 0; i < 256; i++) {
                op(share, buf);
            }
            n += 256;
            t = System.nanoTime();
        } while (t < end);
        double wall = (double) (t - t0) / n;
        double cpu = (double) (mx.getCurrentThreadCpuTime() - cpu0) / n;

        LongAdder done = new LongAdder();
        long vEnd = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        long v0 = System.nanoTime();
        for (int i = 0; i < vthreads; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                ByteBuffer b = ByteBuffer.allocateDirect(4096);
                long k = 0;
                while (System.nanoTime() < vEnd) {
                    op(share, b);
                    k++;
                }
                done.add(k);
            }));
        }
        for (Thread th : threads) {
            th.join();
        }
        double vWall = (double) (System.nanoTime() - v0) / done.sum();
        return new Result(wall, cpu, vWall);
    }

    private static void op(ShareRoot share, ByteBuffer buf) {
        try (FileHandle h = share.open("f", OpenMode.read())) {
            if (h.stat().size() != 64 * 1024) {
                throw new IllegalStateException("unexpected size");
            }
            buf.clear();
            if (h.read(0, buf) != 4096) {
                throw new IllegalStateException("short read");
            }
        }
    }

    private static String[] row(String name, Result r, Result base) {
        String perSwitch = base == null ? "-" : String.format(Locale.ROOT, "%.0f / %.0f / %.0f",
                (r.platformWallNs - base.platformWallNs) / SWITCHES_PER_OP,
                (r.platformCpuNs - base.platformCpuNs) / SWITCHES_PER_OP,
                (r.virtualWallNs - base.virtualWallNs) / SWITCHES_PER_OP);
        return new String[] {name, String.format(Locale.ROOT, "%.0f", r.platformWallNs),
            String.format(Locale.ROOT, "%.0f", r.platformCpuNs), String.format(Locale.ROOT, "%.0f", r.virtualWallNs),
            perSwitch};
    }

    private static void print(List<String[]> rows, int vthreads) throws IOException {
        String fmt = "%-26s %14s %14s %16s %28s%n";
        System.out.printf(Locale.ROOT, fmt, "ns per open+stat+pread+close", "platform wall", "platform CPU",
                vthreads + " virtual, wall", "extra ns/switch (pw/pc/vw)");
        for (String[] r : rows) {
            System.out.printf(Locale.ROOT, fmt, (Object[]) r);
        }
    }
}
