package org.bossa.dcerpc.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The PDUs of dc-exchanges.txt: real exchanges between Samba's client and the dev Samba AD DC,
 * recorded by capture_dc_exchanges.py beside it.
 */
public final class DcExchanges {
    private record Pdu(String connection, boolean fromClient, byte[] bytes) {
    }

    private static final List<Pdu> ALL = load();

    private DcExchanges() {
    }

    /** The PDUs the client sent on {@code connection}, in order. */
    public static List<byte[]> sent(String connection) {
        return select(connection, true);
    }

    /** The PDUs the server sent on {@code connection}, in order. */
    public static List<byte[]> received(String connection) {
        return select(connection, false);
    }

    private static List<byte[]> select(String connection, boolean fromClient) {
        List<byte[]> out = new ArrayList<>();
        for (Pdu p : ALL) {
            if (p.connection.equals(connection) && p.fromClient == fromClient) {
                out.add(p.bytes.clone());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no " + connection + " PDUs in dc-exchanges.txt");
        }
        return out;
    }

    private static List<Pdu> load() {
        try (InputStream in = DcExchanges.class.getResourceAsStream("/org/bossa/dcerpc/client/dc-exchanges.txt")) {
            List<Pdu> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split(" ");
                out.add(new Pdu(f[0], f[1].equals("C>S"), HexFormat.of().parseHex(f[2])));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
