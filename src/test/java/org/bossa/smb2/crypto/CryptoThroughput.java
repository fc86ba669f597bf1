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
 * mean throughput in MB/s (10^6 bytes per second) of the message bytes processed, over wall-clock time and per
 * CPU-second of the measuring thread (the latter is the better figure on a machine shared with other work). Each case runs in its own JVM
 * by default, so that JIT compilation triggered by one case does not flatter the next.
 */
public final class CryptoThroughput {

    private CryptoThroughput() {
    }

    private interface Op {
        void run() throws Exception;
    }

    /** A measured operation and a check of its result against Bouncy Castle, run after the measurement. */
    private record Case(String name, int size, Op op, Op check) { }

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
                // Like a server: every message has its own MessageId (the GMAC nonce), so sign a fresh id each
                // time and verify two messages alternately.
                MessageSigner signer = MessageSigner.of(alg, key16);
                byte[][] signed = {msg.clone(), msg.clone()};
                signed[1][24] ^= 1;
                for (byte[] m : signed) {
                    signer.sign(m, 0, m.length);
                }
                long[] counter = {0};
                byte[] toSign = msg.clone();
                Op sign = () -> {
                    long id = ++counter[0];
                    for (int i = 0; i < 8; i++) {
                        toSign[24 + i] = (byte) (id >>> (8 * i));
                    }
                    signer.sign(toSign, 0, toSign.length);
                };
                Op verify = () -> {
                    byte[] m = signed[(int) (++counter[0] & 1)];
                    if (!signer.verify(m, 0, m.length)) {
                        throw new AssertionError("verify failed");
                    }
                };
                Op checkSign = () -> {
                    byte[] m = toSign.clone();
                    signer.sign(m, 0, m.length);
                    byte[] zeroed = m.clone();
                    java.util.Arrays.fill(zeroed, 48, 64, (byte) 0);
                    check(java.util.Arrays.copyOfRange(m, 48, 64), referenceMac(alg, key16, zeroed));
                };
                cases.add(new Case(alg + " sign", size, sign, checkSign));
                cases.add(new Case(alg + " verify", size, verify, verify));
            }
            for (CipherId cipher : CipherId.values()) {
                byte[] key = cipher.keyLength() == 16 ? key16 : key32;
                TransformCodec codec = new TransformCodec(cipher, key, key);
                // two transform messages (two nonces) decrypted alternately, as a receiver never sees a nonce twice
                byte[][] wires = {codec.encrypt(msg, 0, msg.length, 1), codec.encrypt(msg, 0, msg.length, 1)};
                int[] next = {0};
                Op checkEncrypt = () -> {
                    byte[] w = codec.encrypt(msg, 0, msg.length, 1);
                    byte[] ref = referenceSeal(cipher, key, java.util.Arrays.copyOfRange(w, 20, 20 + cipher.nonceLength()),
                            java.util.Arrays.copyOfRange(w, 20, 52), msg);
                    check(java.util.Arrays.copyOfRange(w, 52, w.length), java.util.Arrays.copyOf(ref, msg.length));
                    check(java.util.Arrays.copyOfRange(w, 4, 20), java.util.Arrays.copyOfRange(ref, msg.length, ref.length));
                };
                cases.add(new Case(cipher + " encrypt", size, () -> codec.encrypt(msg, 0, msg.length, 1),
                        checkEncrypt));
                cases.add(new Case(cipher + " decrypt", size, () -> {
                    byte[] w = wires[next[0]++ & 1];
                    codec.decrypt(w, 0, w.length);
                }, () -> check(codec.decrypt(wires[0], 0, wires[0].length), msg)));
            }
        }

        System.out.printf(Locale.ROOT, "%-22s %10s %10s %12s%n", "case", "size", "MB/s", "MB/cpu-s");
        for (Case c : cases) {
            if (!matches(c.name(), filter)) {
                continue;
            }
            if (fork) {
                forkOne(c, seconds, warmup);
                continue;
            }
            if (Boolean.getBoolean("bench.trace")) { // throughput of each 0.25 s during warm-up
                for (double t = 0; t < warmup; t += 0.25) {
                    double wall = run(c, 0.25);
                    System.out.printf(Locale.ROOT, "  %5.2f s %10.0f MB/s %10.0f MB/cpu-s%n", t, wall, lastCpuMbps);
                }
            } else {
                run(c, warmup);
            }
            double mbps = run(c, seconds);
            double cpuMbps = lastCpuMbps;
            c.check().run(); // after warm-up and measurement: checks the compiled (intrinsic) code paths
            System.out.printf(Locale.ROOT, "%-22s %10s %10.0f %12.0f%n", c.name(), sizeName(c.size()), mbps,
                    cpuMbps);
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

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** MB/s over the wall-clock time; the MB per CPU-second of this thread go to {@link #lastCpuMbps}. */
    private static double run(Case c, double seconds) throws Exception {
        long budget = (long) (seconds * 1e9);
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long ops = 0;
        long elapsed;
        do {
            c.op().run();
            ops++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget);
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        lastCpuMbps = ops * (double) c.size() / (cpu / 1e9) / 1e6;
        return ops * (double) c.size() / (elapsed / 1e9) / 1e6;
    }

    private static double lastCpuMbps;

    private static void check(byte[] actual, byte[] expected) {
        if (!java.util.Arrays.equals(actual, expected)) {
            throw new AssertionError("result differs from Bouncy Castle's");
        }
    }

    private static byte[] referenceMac(SigningAlgorithm alg, byte[] key, byte[] zeroed) {
        org.bouncycastle.crypto.Mac mac = switch (alg) {
            case HMAC_SHA256 -> new org.bouncycastle.crypto.macs.HMac(new org.bouncycastle.crypto.digests.SHA256Digest());
            case AES_CMAC -> new org.bouncycastle.crypto.macs.CMac(org.bouncycastle.crypto.engines.AESEngine.newInstance());
            case AES_GMAC -> new org.bouncycastle.crypto.macs.GMac(
                    org.bouncycastle.crypto.modes.GCMBlockCipher.newInstance(
                            org.bouncycastle.crypto.engines.AESEngine.newInstance()), 128);
        };
        org.bouncycastle.crypto.params.KeyParameter k = new org.bouncycastle.crypto.params.KeyParameter(key);
        mac.init(alg == SigningAlgorithm.AES_GMAC
                ? new org.bouncycastle.crypto.params.ParametersWithIV(k, AesGmacSigner.nonce(zeroed, 0)) : k);
        mac.update(zeroed, 0, zeroed.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return java.util.Arrays.copyOf(out, 16);
    }

    private static byte[] referenceSeal(CipherId cipher, byte[] key, byte[] nonce, byte[] aad, byte[] plain)
            throws Exception {
        org.bouncycastle.crypto.modes.AEADCipher c = cipher.isGcm()
                ? org.bouncycastle.crypto.modes.GCMBlockCipher.newInstance(
                        org.bouncycastle.crypto.engines.AESEngine.newInstance())
                : org.bouncycastle.crypto.modes.CCMBlockCipher.newInstance(
                        org.bouncycastle.crypto.engines.AESEngine.newInstance());
        c.init(true, new org.bouncycastle.crypto.params.AEADParameters(
                new org.bouncycastle.crypto.params.KeyParameter(key), 128, nonce, aad));
        byte[] out = new byte[c.getOutputSize(plain.length)];
        int n = c.processBytes(plain, 0, plain.length, out, 0);
        c.doFinal(out, n);
        return out;
    }

    private static String sizeName(int size) {
        return size % (1024 * 1024) == 0 ? size / (1024 * 1024) + " MiB"
                : size % 1024 == 0 ? size / 1024 + " KiB" : size + " B";
    }
}
