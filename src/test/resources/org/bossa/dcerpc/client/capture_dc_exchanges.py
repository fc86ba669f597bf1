#!/usr/bin/python3
"""Captures real DCE/RPC exchanges between Samba's own client (python3-samba 4.17) and the dev
Samba AD DC, through a recording TCP relay, and prints each PDU as "<direction> <name> <hex>".
The output is kept beside this script as dc-exchanges.txt and read by the client unit tests, so
the PDU codecs are checked against bytes that neither side of them produced.

Run (dev DC at 127.0.0.12, Netlogon on the port ept_map gives):
  /usr/bin/python3 capture_dc_exchanges.py 127.0.0.12 > dc-exchanges.txt
Nothing secret crosses: the binds are unauthenticated and ReqChallenge carries only challenges.
"""
import os
import socket
import struct
import sys
import threading
import uuid

from samba.dcerpc import base, epmapper, misc, netlogon
from samba.param import LoadParm

DC = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.12"
NETLOGON = "12345678-1234-abcd-ef00-01234567cffb"
NDR = "8a885d04-1ceb-11c9-9fe8-08002b104860"
RELAY_HOST = "127.0.0.47"
lp = LoadParm()
records = []


def pump(src, dst, direction, label):
    buf = b""
    while True:
        data = src.recv(65536)
        if not data:
            break
        dst.sendall(data)
        buf += data
        while len(buf) >= 16:
            n = struct.unpack_from("<H", buf, 8)[0]
            if len(buf) < n:
                break
            records.append((label, direction, buf[:n]))
            buf = buf[n:]
    try:
        dst.shutdown(socket.SHUT_WR)
    except OSError:
        pass


def relay(port, label, host="127.0.0.1", listen_port=0):
    """A relay on host:listen_port to DC:port, in a child process (Samba's bindings hold the GIL
    while they wait); returns the local port. Connections are labelled label, label-2, ...; the
    child takes connections until none comes for 3 s, then prints its PDUs once all have closed."""
    ls = socket.socket()
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind((host, listen_port))
    ls.listen(8)
    if os.fork() == 0:
        threads = []
        i = 0
        while True:
            ls.settimeout(None if i == 0 else 3)
            try:
                c, _ = ls.accept()
            except socket.timeout:
                break
            s = socket.create_connection((DC, port))
            i += 1
            name = label if i == 1 else "%s-%d" % (label, i)
            for args in ((s, c, "S>C", name), (c, s, "C>S", name)):
                t = threading.Thread(target=pump, args=args)
                t.start()
                threads.append(t)
        for t in threads:
            t.join()
        for lbl, d, pdu in records:
            print(lbl, d, pdu.hex(), flush=True)
        os._exit(0)
    local = ls.getsockname()[1]
    ls.close()
    return local


def floor(proto, lhs, rhs):
    f = epmapper.epm_floor()
    f.lhs = epmapper.epm_lhs()
    f.lhs.protocol = proto
    f.lhs.lhs_data = lhs
    f.rhs = rhs
    return f


def uuid_floor(u, major, minor):
    r = epmapper.epm_rhs_uuid()
    r.unknown = struct.pack("<H", minor)
    return floor(epmapper.EPM_PROTOCOL_UUID, uuid.UUID(u).bytes_le + struct.pack("<H", major), r)


def netlogon_tower():
    fl = [uuid_floor(NETLOGON, 1, 0), uuid_floor(NDR, 2, 0)]
    r = epmapper.epm_rhs_ncacn(); r.minor_version = 0
    fl.append(floor(epmapper.EPM_PROTOCOL_NCACN, b"", r))
    r = epmapper.epm_rhs_tcp(); r.port = 0
    fl.append(floor(epmapper.EPM_PROTOCOL_TCP, b"", r))
    r = epmapper.epm_rhs_ip(); r.ipaddr = "0.0.0.0"
    fl.append(floor(epmapper.EPM_PROTOCOL_IP, b"", r))
    t = epmapper.epm_tower(); t.num_floors = len(fl); t.floors = fl
    tw = epmapper.epm_twr_t(); tw.tower = t
    return tw


c = epmapper.epmapper("ncacn_ip_tcp:127.0.0.1[%d]" % relay(135, "epm"), lp)
handle, towers, status = c.epm_Map(misc.GUID("00000000-0000-0000-0000-000000000000"), netlogon_tower(),
                                   misc.policy_handle(), 4)
port = towers[0].twr.tower.floors[3].rhs.port
# an interface the DC does not register: answered with no towers and EPMAPPER_STATUS_NO_MORE_ENTRIES
t = netlogon_tower()
t.tower.floors[0].lhs.lhs_data = uuid.UUID("12345678-0000-0000-0000-000000000001").bytes_le + b"\x01\x00"
try:
    c.epm_Map(misc.GUID("00000000-0000-0000-0000-000000000000"), t, misc.policy_handle(), 4)
except Exception as e:
    print("# unknown interface:", e, file=sys.stderr)
del c

n = netlogon.netlogon("ncacn_ip_tcp:127.0.0.1[%d]" % relay(port, "netlogon"), lp)
cred = netlogon.netr_Credential()
cred.data = list(b"\x01\x02\x03\x04\x05\x06\x07\x08")
n.netr_ServerReqChallenge("\\\\dc1.fixture.test", "NAME", cred)
try:
    n.request(99, b"")
except Exception as e:
    print("# bad opnum:", e, file=sys.stderr)
del n

try:
    base.ClientConnection("ncacn_ip_tcp:127.0.0.1[%d]" % relay(port, "wrongif"),
                          ("12345678-0000-0000-0000-000000000001", 1), lp)
except Exception as e:
    print("# wrong interface:", e, file=sys.stderr)

# A sealed Netlogon channel (schannel, AES) with a throwaway machine account: the layout of the
# authenticated bind, bind_ack and a sealed request and response (sec_trailer, auth padding).
if len(sys.argv) > 3:
    from samba.credentials import Credentials
    from samba.dcerpc import misc as m
    creds = Credentials()
    creds.guess(lp)
    creds.set_username(sys.argv[2] + "$")
    creds.set_password(sys.argv[3])
    creds.set_domain("FIXTURE")
    creds.set_realm("FIXTURE.TEST")
    creds.set_workstation(sys.argv[2])
    creds.set_secure_channel_type(m.SEC_CHAN_WKSTA)
    lp.set("workgroup", "FIXTURE")
    lp.set("realm", "FIXTURE.TEST")
    # Samba's client finds the port through the endpoint mapper of the binding's host for both of
    # its connections (ReqChallenge/Authenticate3, then the sealed one): relay both ports on a spare
    # loopback address.
    relay(135, "sealed-epm", RELAY_HOST, 135)
    relay(port, "sealed", RELAY_HOST, port)
    s = netlogon.netlogon("ncacn_ip_tcp:%s[schannel,seal]" % RELAY_HOST, lp, creds)
    s.netr_DsRGetDCNameEx2("\\\\dc1.fixture.test", None, 0, "FIXTURE.TEST", None, None, 0)
    del s

print("# netlogon port %d" % port, flush=True)
while True:
    try:
        os.wait()
    except ChildProcessError:
        break
