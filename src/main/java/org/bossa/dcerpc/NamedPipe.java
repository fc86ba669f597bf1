package org.bossa.dcerpc;

/**
 * The server end of one open of a named pipe on IPC$ (one SMB2 CREATE). Message mode: each PDU the
 * server produces is one message; {@link #read(int)} returns at most one message (or the rest of a
 * partly read one). Methods are thread safe; no method throws for malformed input, which becomes a
 * fault or bind_nak PDU to read.
 */
public interface NamedPipe extends AutoCloseable {
    /** Accepts bytes from an SMB WRITE: whole PDUs, several PDUs, or part of one. */
    void write(byte[] data, int off, int len);

    default void write(byte[] data) {
        write(data, 0, data.length);
    }

    /**
     * Returns pending response bytes: at most {@code maxLength} bytes of the next message, with
     * {@code more == true} when that message has bytes left (STATUS_BUFFER_OVERFLOW). Returns
     * {@link PipeRead#EMPTY} when nothing is pending; the SMB layer decides whether that is an
     * empty read or a read that waits.
     */
    PipeRead read(int maxLength);

    /** FSCTL_PIPE_TRANSCEIVE: writes {@code in}, then reads as {@link #read(int)}. */
    PipeRead transceive(byte[] in, int maxOut);

    /** Response bytes waiting to be read across all messages (FSCTL_PIPE_PEEK ReadDataAvailable). */
    int available();

    /** Length of what is left of the next message, 0 when none (FSCTL_PIPE_PEEK MessageLength). */
    int nextMessageLength();

    /** Releases the pipe; later writes are ignored and reads return nothing. */
    @Override
    void close();
}
