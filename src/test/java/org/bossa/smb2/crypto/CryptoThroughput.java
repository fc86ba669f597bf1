package org.bossa.smb2.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Single-threaded throughput of the per-request crypto paths (signing, verification, transform encryption and
 * decryption) through the public API, on SMB2-sized messages. Not a unit test: run it by hand, see
 * {@code bench/crypto/README.md}.
 *
 * <pre>
 * arguments (all optional): [sizes in KiB, comma separated, default 1024,8192] [seconds per measurement, default 2]
 *                           [warm-up seconds, default 2] [filter: substring of the case name, default all]
 *                           [fork: "fork" (default) runs every case in a fresh JVM, "same" all in this one]
 * </pre>
 * For each case and size it warms up for the given time (the server gets this naturally), then reports the
 * mean throughput in MB/s (10^6 bytes per second) of the message bytes processed. Each case runs in its own JVM
 * by default, so that JIT compilation triggered by one case does not flatter the next.
 */
public final class CryptoThroughput {

    private CryptoThroughput() {
    }

    private interface Op {
        void run() throws Exception;
    }

    private record Case(String name, int size, Op op) { }

    public static void main(String[] args) throws Exception {
        int[] sizesKib = args.length > 0
                ? java.util.Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1024, 8192};
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2.0;
        double warmup = args.length > 2 ? Double.parseDouble(args[2]) : 2.0;
        String filter = args.length > 3 ? args[3] : "";
        boolean fork = args.length <= 4 || !args[4].equals("same");

        Random random = new Random(1);
        byte[] key16 = new byte[16];
        byte[] key32 = new byte[32];
        random.nextBytes(key16);
        random.nextBytes(key32);

        List<Case> cases = new ArrayList<>();
        for (int kib : sizesKib) {
            int size = kib * 1024;
            byte[] msg = new byte[size];
            random.nextBytes(msg);
            msg[0] = (byte) 0xFE;
            msg[1] = 'S';
            msg[2] = 'M';
            msg[3] = 'B';
            for (SigningAlgorithm alg : SigningAlgorithm.values()) {
                MessageSigner signer = MessageSigner.of(alg, key16);
                byte[] signed = msg.clone();
                signer.sign(signed, 0, signed.length);
                cases.add(new Case(alg + " sign", size, () -> signer.sign(msg, 0, msg.length)));
                cases.add(new Case(alg + " verify", size, () -> {
                    if (!signer.verify(signed, 0, signed.length)) {
                        throw new AssertionError("verify failed");
                    }
                }));
            }
            for (CipherId cipher : CipherId.values()) {
                byte[] key = cipher.keyLength() == 16 ? key16 : key32;
                TransformCodec codec = new TransformCodec(cipher, key, key);
                byte[] wire = codec.encrypt(msg, 0, msg.length, 1);
                cases.add(new Case(cipher + " encrypt", size, () -> codec.encrypt(msg, 0, msg.length, 1)));
                cases.add(new Case(cipher + " decrypt", size, () -> codec.decrypt(wire, 0, wire.length)));
            }
        }

        System.out.printf(Locale.ROOT, "%-22s %10s %10s%n", "case", "size", "MB/s");
        for (Case c : cases) {
            if (!matches(c.name(), filter)) {
                continue;
            }
            if (fork) {
                forkOne(c, seconds, warmup);
                continue;
            }
            run(c, warmup); // warm-up
            double mbps = run(c, seconds);
            System.out.printf(Locale.ROOT, "%-22s %10s %10.0f%n", c.name(), sizeName(c.size()), mbps);
        }
    }

    /** Runs exactly this case (name and size) in a fresh JVM with the same class path and JVM options. */
    private static void forkOne(Case c, double seconds, double warmup) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), CryptoThroughput.class.getName(),
                Integer.toString(c.size() / 1024), Double.toString(seconds), Double.toString(warmup),
                "=" + c.name(), "same"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        out.lines().skip(1).forEach(System.out::println);
    }

    private static boolean matches(String name, String filter) {
        return filter.startsWith("=") ? name.equals(filter.substring(1)) : name.contains(filter);
    }

    private static double run(Case c, double seconds) throws Exception {
        long budget = (long) (seconds * 1e9);
        long start = System.nanoTime();
        long ops = 0;
        long elapsed;
        do {
            c.op().run();
            ops++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget);
        return ops * (double) c.size() / (elapsed / 1e9) / 1e6;
    }

    private static String sizeName(int size) {
        return size % (1024 * 1024) == 0 ? size / (1024 * 1024) + " MiB"
                : size % 1024 == 0 ? size / 1024 + " KiB" : size + " B";
    }
}
