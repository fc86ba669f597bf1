package org.bossa.rpc.netlogon.ndr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;

/**
 * The stubs of netlogon-ndr.vectors, marshalled by Samba's pidl code (python3-samba 4.17) with the
 * values of gen_netlogon_vectors.py beside it.
 */
final class NetlogonVectors {
    private static final Properties VECTORS = load();

    private NetlogonVectors() {
    }

    static byte[] get(String key) {
        String hex = VECTORS.getProperty(key);
        if (hex == null) {
            throw new IllegalArgumentException("no vector " + key);
        }
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    static Set<String> names() {
        return VECTORS.stringPropertyNames();
    }

    /** 8 bytes first, first+1, ... as the generator's cred(first). */
    static byte[] seq(int first, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (first + i);
        }
        return b;
    }

    private static Properties load() {
        try (InputStream in = NetlogonVectors.class.getResourceAsStream("netlogon-ndr.vectors")) {
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
