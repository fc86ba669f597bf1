package org.bossa.fscc;

import java.util.Arrays;

/**
 * The OutputBuffer of a QUERY_INFO reply after fitting it to the client's OutputBufferLength, and whether it
 * was cut short ({@code bufferOverflow}: the reply carries STATUS_BUFFER_OVERFLOW with this data,
 * [MS-SMB2] 3.3.5.20.1).
 */
public record QueryOutput(byte[] data, boolean bufferOverflow) {
    public QueryOutput {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryOutput q && q.bufferOverflow == bufferOverflow && Arrays.equals(q.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + Boolean.hashCode(bufferOverflow);
    }

    @Override
    public String toString() {
        return "QueryOutput[" + data.length + " bytes" + (bufferOverflow ? ", overflow]" : "]");
    }
}
