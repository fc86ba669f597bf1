#!/usr/bin/env python3
"""Builds the committed seed corpus of the Jazzer targets (org.bossa.fuzz.*FuzzTest).

Sources, all real traffic or published vectors:
  * an SMB capture: every NBSS frame smbclient/rpcclient (Samba 4.17) exchanged with the in-JVM test
    server (org.bossa.it.TestServer) through a recording TCP proxy, one file per frame named
    <conn>-<seq>-<C|S> (C = client to server). Sessions: SMB 3.1.1 put/ls/allinfo/rename/get/setmode/
    hardlink/del, an encrypted share (transform headers), SMB 2.0.2, an SMB1-first negotiate, signing
    required, a failed logon, smbclient -L and rpcclient srvinfo/netshareenumall/netsharegetinfo/
    wkssvc_wkstagetinfo (srvsvc and wkssvc over IPC$).
  * the vectors under src/test/resources/org/bossa (Samba-captured Netlogon stubs, DCE/RPC exchanges
    with a Samba DC, CLDAP ping answers, MS-NLMP 4.2.4, SMB2 transform vectors) and long hex literals
    in the unit tests of each decoder's package.

usage: make_seeds.py CAPTURE_DIR   (run from the repository root; rewrites src/test/resources/fuzz)
"""
import hashlib
import os
import re
import shutil
import sys

ROOT = os.getcwd()
OUT = os.path.join(ROOT, "src/test/resources/fuzz")
RES = os.path.join(ROOT, "src/test/resources/org/bossa")
TESTS = os.path.join(ROOT, "src/test/java/org/bossa")
MAX_PER_TARGET = 60
MAX_SEED = 16384

seeds = {}


def add(target, data, prefix=None):
    if prefix is not None:
        data = bytes([prefix]) + data
    if not data or len(data) > MAX_SEED:
        return
    seeds.setdefault(target, {})[hashlib.sha1(data).hexdigest()[:16]] = data


def u16(b, o):
    return int.from_bytes(b[o:o + 2], "little") if o + 2 <= len(b) else 0


def u32(b, o):
    return int.from_bytes(b[o:o + 4], "little") if o + 4 <= len(b) else 0


def vectors(path):
    """key = hex lines (whitespace ignored, continuation lines appended)."""
    out = {}
    key = None
    for line in open(path):
        line = line.strip()
        if not line or line.startswith("#"):
            key = None
            continue
        m = re.match(r"^([A-Za-z0-9_.]+)\s*=\s*(.*)$", line)
        if m:
            key = m.group(1)
            out[key] = m.group(2)
        elif key:
            out[key] += line
    res = {}
    for k, v in out.items():
        h = re.sub(r"\s", "", v)
        if re.fullmatch(r"([0-9a-fA-F]{2})+", h):
            res.setdefault(k, []).append(bytes.fromhex(h))
    return res


def hex_literals(directory):
    found = []
    for dirpath, _, files in os.walk(directory):
        for f in files:
            if f.endswith(".java"):
                text = open(os.path.join(dirpath, f)).read()
                text = re.sub(r'"\s*\+\s*"', "", text)  # join "ab" + "cd"
                for h in re.findall(r'"([0-9a-fA-F\s]{16,})"', text):
                    h = re.sub(r"\s", "", h)
                    if len(h) % 2 == 0 and len(h) >= 16:
                        found.append(bytes.fromhex(h))
    return found


# ---- SMB capture -------------------------------------------------------------------------------
FAMILY = {
    0x00: "Smb2NegotiateFuzzTest", 0x01: "Smb2SessionTreeFuzzTest", 0x02: "Smb2SessionTreeFuzzTest",
    0x03: "Smb2SessionTreeFuzzTest", 0x04: "Smb2SessionTreeFuzzTest", 0x0C: "Smb2SessionTreeFuzzTest",
    0x0D: "Smb2SessionTreeFuzzTest", 0x05: "Smb2CreateFuzzTest", 0x06: "Smb2ReadWriteLockFuzzTest",
    0x07: "Smb2ReadWriteLockFuzzTest", 0x08: "Smb2ReadWriteLockFuzzTest", 0x09: "Smb2ReadWriteLockFuzzTest",
    0x0A: "Smb2ReadWriteLockFuzzTest", 0x12: "Smb2ReadWriteLockFuzzTest", 0x0B: "Smb2IoctlFuzzTest",
    0x0E: "Smb2QuerySetFuzzTest", 0x0F: "Smb2QuerySetFuzzTest", 0x10: "Smb2QuerySetFuzzTest",
    0x11: "Smb2QuerySetFuzzTest",
}
SET_INFO_CLASSES = [4, 10, 11, 13, 64, 14, 16, 19, 20, 39, 15]  # FsccSetInfoFuzzTest.CLASSES order
SRVSVC_OPS = [15, 16, 21, 36]
SRVSVC_UUID = bytes.fromhex("c84f324b7016d30112785a47bf6ee188")
WKSSVC_UUID = bytes.fromhex("98d0ff6b12a11036983346c3f87e345a")


def messages(frame):
    off = 0
    while off + 64 <= len(frame) and frame[off:off + 4] == b"\xfeSMB":
        nxt = u32(frame, off + 20)
        end = off + nxt if nxt else len(frame)
        yield frame[off:end]
        if not nxt:
            return
        off += nxt


def ntlm_parts(secbuf):
    i = secbuf.find(b"NTLMSSP\x00")
    if i < 0:
        return
    msg = secbuf[i:]
    add("NtlmMessageFuzzTest", msg)
    t = u32(msg, 8)
    if t == 2:
        ln, off = u16(msg, 40), u32(msg, 44)
        add("NtlmV2ResponseFuzzTest", msg[off:off + ln])
    elif t == 3:
        ln, off = u16(msg, 20), u32(msg, 24)
        add("NtlmV2ResponseFuzzTest", msg[off:off + ln])


def capture(cdir):
    pipe_streams = {}
    for name in sorted(os.listdir(cdir)):
        conn, _, direction = name.split("-")
        frame = open(os.path.join(cdir, name), "rb").read()
        if direction == "C":
            add("Smb2FrameFuzzTest", frame)
        for msg in messages(frame):
            cmd = u16(msg, 12)
            if direction == "C" and cmd in FAMILY:
                add(FAMILY[cmd], msg)
            body = 64
            if cmd == 0x01:  # SESSION_SETUP: the SPNEGO token
                off, ln = (u16(msg, body + 12), u16(msg, body + 14)) if direction == "C" else \
                    (u16(msg, body + 4), u16(msg, body + 6))
                tok = msg[off:off + ln]
                if tok:
                    add("SpnegoFuzzTest", tok)
                    ntlm_parts(tok)
            pdus = b""
            if direction == "C" and cmd == 0x09:  # WRITE data
                pdus = msg[u16(msg, body + 2):u16(msg, body + 2) + u32(msg, body + 4)]
            elif direction == "C" and cmd == 0x0B:  # IOCTL input
                pdus = msg[u32(msg, body + 24):u32(msg, body + 24) + u32(msg, body + 28)]
            elif direction == "S" and cmd == 0x08:  # READ data
                pdus = msg[msg[body + 2]:msg[body + 2] + u32(msg, body + 4)]
            elif direction == "S" and cmd == 0x0B:  # IOCTL output
                pdus = msg[u32(msg, body + 32):u32(msg, body + 32) + u32(msg, body + 36)]
            elif direction == "C" and cmd == 0x11:  # SET_INFO
                itype, cls = msg[body + 2], msg[body + 3]
                buf = msg[u16(msg, body + 8):u16(msg, body + 8) + u32(msg, body + 4)]
                if itype == 1 and cls in SET_INFO_CLASSES:
                    add("FsccSetInfoFuzzTest", buf, SET_INFO_CLASSES.index(cls))
                elif itype == 3:
                    add("SecurityDescriptorFuzzTest", buf)
            elif direction == "S" and cmd == 0x10:  # QUERY_INFO output: security descriptors
                out = msg[u16(msg, body + 2):u16(msg, body + 2) + u32(msg, body + 4)]
                if len(out) >= 20 and out[0] == 1 and out[1] == 0:
                    add("SecurityDescriptorFuzzTest", out)
            if pdus[:1] == b"\x05":
                rpc_pdus(pdus, direction, conn, pipe_streams)
    for (conn, iface), stream in pipe_streams.items():
        add("RpcPipeFuzzTest", stream, iface)


def rpc_pdus(data, direction, conn, pipe_streams):
    off = 0
    while off + 16 <= len(data):
        flen = u16(data, off + 8)
        if flen < 16:
            return
        pdu = data[off:off + flen]
        off += flen
        add("DcerpcPduFuzzTest", pdu)
        if direction != "C":
            continue
        ptype = pdu[2]
        if ptype == 11:  # bind: which pipe this connection talks to
            iface = 0 if SRVSVC_UUID in pdu else 1 if WKSSVC_UUID in pdu else None
            if iface is not None:
                pipe_streams[(conn, iface)] = pdu
        elif ptype == 0:
            for key in [k for k in pipe_streams if k[0] == conn]:
                pipe_streams[key] += pdu
            opnum, stub = u16(pdu, 22), pdu[24:flen - (8 + u16(pdu, 10) if u16(pdu, 10) else 0)]
            if opnum in SRVSVC_OPS and any(k == (conn, 0) for k in pipe_streams):
                add("RpcStubFuzzTest", stub, SRVSVC_OPS.index(opnum))
            elif opnum == 0:
                add("RpcStubFuzzTest", stub, 4)


# ---- vectors -----------------------------------------------------------------------------------
NETLOGON_SELECTOR = [("reqChallenge.out", 0), ("authenticate3", 1), ("passwordSet2.out", 2),
                     ("capabilities1.out", 3), ("capabilities2.out", 4), ("sam2.out", 5), ("sam3.out", 6),
                     ("sam6.out", 7), ("samLogonEx.failure.out", 7), ("wrongPassword.out", 7),
                     ("control.query.out", 8), ("control2Ex", 9)]


def netlogon():
    for f in ("rpc/netlogon/ndr/netlogon-ndr.vectors", "rpc/netlogon/ndr/netlogon-dc.vectors"):
        for key, values in vectors(os.path.join(RES, f)).items():
            for sub, sel in NETLOGON_SELECTOR:
                if sub in key and key.endswith(".out"):
                    for v in values:
                        add("NetlogonNdrFuzzTest", v, sel)
    for key, values in vectors(os.path.join(RES, "rpc/netlogon/netlogon.vectors")).items():
        if key == "token":
            for v in values:
                add("NetlogonNdrFuzzTest", v, 10)


def dc_exchanges():
    calls = {}
    for line in open(os.path.join(RES, "dcerpc/client/dc-exchanges.txt")):
        parts = line.split()
        if len(parts) != 3 or line.startswith("#"):
            continue
        conn, direction, h = parts
        pdu = bytes.fromhex(h)
        add("DcerpcPduFuzzTest", pdu)
        if direction == "S>C" and pdu[2] in (2, 3):
            calls.setdefault((conn, u32(pdu, 12)), []).append(pdu)
            if conn == "epm" and pdu[2] == 2:
                add("RpcClientFuzzTest", pdu[24:], 1)
    for frags in calls.values():
        add("RpcClientFuzzTest", b"".join(frags), 0)


def ber_len(b, i):
    n = b[i]
    if n < 0x80:
        return n, i + 1
    k = n & 0x7F
    return int.from_bytes(b[i + 1:i + 1 + k], "big"), i + 1 + k


def locator():
    for key, values in vectors(os.path.join(RES, "domain/locator/samba-ldap-ping.vectors")).items():
        if not key.startswith("answer"):
            continue
        for v in values:
            add("LocatorFuzzTest", v, 0)
            i = v.find(b"\x04\x08Netlogon")
            if i >= 0:
                j = i + 10
                _, j = ber_len(v, j + 1)  # SET OF
                n, j = ber_len(v, j + 1)  # OCTET STRING
                add("LocatorFuzzTest", v[j:j + n], 1)
                add("LocatorFuzzTest", v[j:j + n], 2)
    for srv in ("0 100 389 dc1.example.test.", "10 50 88 dc2.example.test", "0 0 0 ."):
        add("LocatorFuzzTest", srv.encode(), 3)


def ntlm_vectors():
    v = vectors(os.path.join(RES, "auth/ntlm/ms-nlmp-4.2.4.properties"))
    for k in ("challengeMessage", "authenticateMessage"):
        for m in v.get(k, []):
            ntlm_parts(m)
    for m in v.get("targetInfo", []):
        add("NtlmV2ResponseFuzzTest", m)


def transform_vectors():
    for k, values in vectors(os.path.join(RES, "smb2/crypto/transform.vectors")).items():
        if k in ("transform", "plaintext"):
            for v in values:
                add("Smb2FrameFuzzTest", v)


def literals():
    for pkg, target, selectors in (("kerberos", "KerberosFuzzTest", range(11)),
                                   ("dtyp", "SecurityDescriptorFuzzTest", [None]),
                                   ("auth/spnego", "SpnegoFuzzTest", [None]),
                                   ("auth/ntlm", "NtlmMessageFuzzTest", [None]),
                                   ("rpc/epmapper", "RpcClientFuzzTest", [1]),
                                   ("rpc/srvsvc", "RpcStubFuzzTest", range(4)),
                                   ("rpc/wkssvc", "RpcStubFuzzTest", [4]),
                                   ("dcerpc", "DcerpcPduFuzzTest", [None])):
        for lit in hex_literals(os.path.join(TESTS, pkg)):
            for s in selectors:
                add(target, lit, s)


def main():
    capture(sys.argv[1])
    netlogon()
    dc_exchanges()
    locator()
    ntlm_vectors()
    transform_vectors()
    literals()
    for target, found in sorted(seeds.items()):
        method = {"Smb2FrameFuzzTest": "frame", "FsccSetInfoFuzzTest": "setInfo", "NtlmMessageFuzzTest": "message",
                  "NtlmV2ResponseFuzzTest": "response", "SpnegoFuzzTest": "token",
                  "SecurityDescriptorFuzzTest": "descriptor", "DcerpcPduFuzzTest": "pdu",
                  "RpcPipeFuzzTest": "pipe", "RpcStubFuzzTest": "stub", "NetlogonNdrFuzzTest": "response",
                  "RpcClientFuzzTest": "answer", "LocatorFuzzTest": "answer", "KerberosFuzzTest": "reply",
                  }.get(target, "request")
        d = os.path.join(OUT, target + "Inputs", method)
        shutil.rmtree(os.path.join(OUT, target + "Inputs"), ignore_errors=True)
        os.makedirs(d)
        # smallest first: the most distinct shapes within the cap
        for name, data in sorted(found.items(), key=lambda kv: (len(kv[1]), kv[0]))[:MAX_PER_TARGET]:
            open(os.path.join(d, "seed-" + name), "wb").write(data)
        print(f"{target:28s} {min(len(found), MAX_PER_TARGET):3d} seeds")


main()
