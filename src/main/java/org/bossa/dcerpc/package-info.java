/**
 * DCE/RPC (C706, MS-RPCE): NDR 2.0 marshalling ({@link org.bossa.dcerpc.NdrWriter},
 * {@link org.bossa.dcerpc.NdrReader}), connection-oriented PDUs (one record per PDU type with a strict
 * {@code decode} and an {@code encode}), and the server side of named pipes on IPC$
 * ({@link org.bossa.dcerpc.PipeRegistry}, {@link org.bossa.dcerpc.NamedPipe},
 * {@link org.bossa.dcerpc.RpcInterface}).
 */
package org.bossa.dcerpc;
