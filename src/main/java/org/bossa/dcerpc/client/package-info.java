/**
 * The client side of connection-oriented DCE/RPC (C706 chapter 12, MS-RPCE 3.3.2):
 * {@link org.bossa.dcerpc.client.RpcClientConnection} binds an interface over an
 * {@link org.bossa.dcerpc.client.RpcTransport} (ncacn_ip_tcp: {@link org.bossa.dcerpc.client.TcpTransport})
 * and makes calls with NDR 2.0 stubs, fragmenting and reassembling, protected at the bound level by a
 * {@link org.bossa.dcerpc.client.ClientSecurity} provider such as the Netlogon SSP. Failures are the
 * sealed family {@link org.bossa.dcerpc.client.RpcException}. The PDU records are those of
 * {@link org.bossa.dcerpc}, shared with the server side.
 */
package org.bossa.dcerpc.client;
