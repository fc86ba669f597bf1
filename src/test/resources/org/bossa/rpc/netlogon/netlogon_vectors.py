#!/usr/bin/python3
"""Independent reference vectors for Bossa's Netlogon AES secure channel (org.bossa.rpc.netlogon).

MS-NRPC publishes no AES examples, so this script recomputes everything from the specification
(3.1.4.3.1 session key, 3.1.4.4.1 credentials, 3.1.4.5 authenticators, 2.2.1.3.7 NL_TRUST_PASSWORD,
2.2.1.3.1 NL_AUTH_MESSAGE, 3.3.4.2 NL_AUTH_SHA2_SIGNATURE) with the Python `cryptography` package,
sharing no code with the Java implementation. Facts the specification leaves open follow Samba
(auth/gensec/schannel.c, librpc/rpc/dcerpc_pkt_auth.c): the confounder at offset 24 of a 56-byte
signature, one sequence counter for both directions, checksums over the stub and padding (or the
whole PDU up to the signature when header signing is negotiated), computed before sealing.

Run: /usr/bin/python3 netlogon_vectors.py > netlogon.vectors   (Debian's python3-cryptography)
The output is deterministic: every "random" input is fixed below.
"""
import hashlib
import hmac
import struct

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def md4(data):
    """RFC 1320 MD4 (OpenSSL 3 hides it from hashlib by default)."""
    def f(x, y, z): return (x & y) | (~x & z)
    def g(x, y, z): return (x & y) | (x & z) | (y & z)
    def h(x, y, z): return x ^ y ^ z
    def rol(v, s): v &= 0xFFFFFFFF; return ((v << s) | (v >> (32 - s))) & 0xFFFFFFFF
    msg = data + b"\x80" + b"\x00" * ((55 - len(data)) % 64) + struct.pack("<Q", len(data) * 8)
    a, b, c, d = 0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476
    for off in range(0, len(msg), 64):
        x = struct.unpack("<16I", msg[off:off + 64])
        aa, bb, cc, dd = a, b, c, d
        for i in range(16):
            k, s = i, (3, 7, 11, 19)[i % 4]
            if i % 4 == 0: a = rol(a + f(b, c, d) + x[k], s)
            elif i % 4 == 1: d = rol(d + f(a, b, c) + x[k], s)
            elif i % 4 == 2: c = rol(c + f(d, a, b) + x[k], s)
            else: b = rol(b + f(c, d, a) + x[k], s)
        for i in range(16):
            k, s = (i % 4) * 4 + i // 4, (3, 5, 9, 13)[i % 4]
            if i % 4 == 0: a = rol(a + g(b, c, d) + x[k] + 0x5A827999, s)
            elif i % 4 == 1: d = rol(d + g(a, b, c) + x[k] + 0x5A827999, s)
            elif i % 4 == 2: c = rol(c + g(d, a, b) + x[k] + 0x5A827999, s)
            else: b = rol(b + g(c, d, a) + x[k] + 0x5A827999, s)
        order = (0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15)
        for i in range(16):
            k, s = order[i], (3, 9, 11, 15)[i % 4]
            if i % 4 == 0: a = rol(a + h(b, c, d) + x[k] + 0x6ED9EBA1, s)
            elif i % 4 == 1: d = rol(d + h(a, b, c) + x[k] + 0x6ED9EBA1, s)
            elif i % 4 == 2: c = rol(c + h(d, a, b) + x[k] + 0x6ED9EBA1, s)
            else: b = rol(b + h(c, d, a) + x[k] + 0x6ED9EBA1, s)
        a, b, c, d = (a + aa) & 0xFFFFFFFF, (b + bb) & 0xFFFFFFFF, (c + cc) & 0xFFFFFFFF, (d + dd) & 0xFFFFFFFF
    return struct.pack("<4I", a, b, c, d)


assert md4(b"abc").hex() == "a448017aaf21d8525fc10ae87aa6729d"  # RFC 1320 A.5


def cfb8(key, iv, data, decrypt=False):
    c = Cipher(algorithms.AES(key), modes.CFB8(iv))
    op = c.decryptor() if decrypt else c.encryptor()
    return op.update(data) + op.finalize()


def nt_hash(password):
    return md4(password.encode("utf-16-le"))


def session_key(nt, cc, sc):
    return hmac.new(nt, cc + sc, hashlib.sha256).digest()[:16]


def credential(sk, value):
    return cfb8(sk, bytes(16), value)


def add_first_word(cred, n):
    w, rest = struct.unpack("<I", cred[:4])[0], cred[4:]
    return struct.pack("<I", (w + n) & 0xFFFFFFFF) + rest


def authenticator_chain(sk, client_credential, timestamps):
    """MS-NRPC 3.1.4.5: per call, seed += time; cred = E(seed); return = E(seed + 1); seed += 1."""
    seed, out = client_credential, []
    for t in timestamps:
        seed = add_first_word(seed, t)
        cred = credential(sk, seed)
        seed = add_first_word(seed, 1)
        out.append((t, cred, credential(sk, seed)))
    return out


def trust_password(sk, password, fill):
    pw = password.encode("utf-16-le")
    buf = bytearray(fill[:516])
    buf[512 - len(pw):512] = pw
    buf[512:516] = struct.pack("<I", len(pw))
    return bytes(buf), cfb8(sk, bytes(16), bytes(buf))


def nl_auth_negotiate(domain, computer, dns_domain=None, dns_host=None):
    flags, body = 0x3, domain.encode("ascii") + b"\0" + computer.encode("ascii") + b"\0"
    for bit, name in ((0x4, dns_domain), (0x8, dns_host)):
        if name is not None:
            flags |= bit
            for label in name.split("."):
                body += bytes([len(label)]) + label.encode("utf-8")
            body += b"\0"
    return struct.pack("<II", 0, flags) + body


def seq_bytes(n, from_client):
    return struct.pack(">II", n & 0xFFFFFFFF, (n >> 32) | (0x80000000 if from_client else 0))


def build_pdu(ptype, call_id, stub, auth_level, response=False):
    """A request (0) or response (2) PDU with a sec_trailer and 56 zero signature bytes."""
    pad = (16 - len(stub) % 16) % 16
    body = struct.pack("<IHH", len(stub), 1, 0 if response else 21)  # alloc_hint, p_cont_id, opnum / cancel+rsvd
    if response:
        body = struct.pack("<IHBB", len(stub), 1, 0, 0)
    trailer = struct.pack("<BBBBI", 0x44, auth_level, pad, 0, 1)
    frag = 16 + len(body) + len(stub) + pad + len(trailer) + 56
    header = struct.pack("<BBBB4sHHI", 5, 0, ptype, 0x03, b"\x10\0\0\0", frag, 56, call_id)
    pdu = header + body + stub + bytes(pad) + trailer + bytes(56)
    return pdu, 24, len(stub) + pad, 24 + len(stub) + pad + 8


def protect(sk, pdu, stub_off, stub_len, sig_off, seq, from_client, seal, header_signing, confounder):
    header = struct.pack("<HHHH", 0x0013, 0x001A if seal else 0xFFFF, 0xFFFF, 0)
    sn = seq_bytes(seq, from_client)
    signed = pdu[:sig_off] if header_signing else pdu[stub_off:stub_off + stub_len]
    checksum = hmac.new(sk, header + (confounder if seal else b"") + signed, hashlib.sha256).digest()[:8]
    out = bytearray(pdu)
    conf_field = bytes(8)
    if seal:
        sealing_key = bytes(b ^ 0xF0 for b in sk)
        sealed = cfb8(sealing_key, sn + sn, confounder + pdu[stub_off:stub_off + stub_len])
        conf_field, out[stub_off:stub_off + stub_len] = sealed[:8], sealed[8:]
    enc_seq = cfb8(sk, checksum + checksum, sn)
    sig = header + enc_seq + checksum + conf_field + bytes(24)
    out[sig_off:sig_off + 56] = sig
    return bytes(out), sig


def emit(name, fields):
    print("[%s]" % name)
    for k, v in fields:
        print("%s = %s" % (k, v.hex() if isinstance(v, (bytes, bytearray)) else v))
    print()


def main():
    print("# Generated by netlogon_vectors.py (same directory); do not edit by hand.\n")
    cases = [
        ("credentials-ascii", "Machine!Passw0rd-1", bytes.fromhex("3a1f5c7e9b2d4f60"),
         bytes.fromhex("c4d2e6f80a1b3c5d"), (1700000000, 1700000100)),
        ("credentials-unicode", "Pässwörd\u20ac\U0001F511 long enough", bytes.fromhex("0102030405060708"),
         bytes.fromhex("f0e1d2c3b4a59687"), (4294967290, 5)),
    ]
    keys = {}
    for name, password, cc, sc, times in cases:
        nt = nt_hash(password)
        sk = session_key(nt, cc, sc)
        keys[name] = sk
        ccred, scred = credential(sk, cc), credential(sk, sc)
        fields = [("password_utf8_hex", password.encode("utf-8")), ("nt_hash", nt), ("client_challenge", cc),
                  ("server_challenge", sc), ("session_key", sk), ("client_credential", ccred),
                  ("server_credential", scred)]
        for i, (t, cred, ret) in enumerate(authenticator_chain(sk, ccred, times), 1):
            fields += [("auth%d_timestamp" % i, str(t)), ("auth%d_credential" % i, cred),
                       ("auth%d_return" % i, ret)]
        emit(name, fields)

    sk = keys["credentials-ascii"]
    fill = bytes((i * 37 + 11) & 0xFF for i in range(516))
    plain, enc = trust_password(sk, "NewMachine!Passw0rd-2", fill)
    emit("trust-password", [("session_key", sk), ("password", "NewMachine!Passw0rd-2"), ("fill", fill),
                            ("plain", plain), ("encrypted", enc)])
    user_key = bytes.fromhex("00112233445566778899aabbccddeeff")
    emit("validation-key", [("session_key", sk), ("plain", user_key),
                            ("encrypted", cfb8(sk, bytes(16), user_key))])

    emit("nl-auth-negotiate", [("domain", "FIXTURE"), ("computer", "NLRPC1"),
                               ("token", nl_auth_negotiate("FIXTURE", "NLRPC1"))])
    emit("nl-auth-negotiate-dns", [("domain", "FIXTURE"), ("computer", "NLRPC1"), ("dns_domain", "fixture.test"),
                                   ("dns_host", "nlrpc1.fixture.test"),
                                   ("token", nl_auth_negotiate("FIXTURE", "NLRPC1", "fixture.test",
                                                               "nlrpc1.fixture.test"))])

    for n in (0, 1, 0x0000000500000007, 0x7FFFFFFFFFFFFFFF):
        emit("sequence-%x" % n, [("n", str(n)), ("client", seq_bytes(n, True)), ("server", seq_bytes(n, False))])

    request_stub = bytes((i * 7 + 3) & 0xFF for i in range(37))
    response_stub = bytes((i * 13 + 5) & 0xFF for i in range(50))
    conf_c, conf_s = bytes.fromhex("a1b2c3d4e5f60718"), bytes.fromhex("5c4b3a2918070605")
    for seal, level in ((True, 6), (False, 5)):
        for hdr in (False, True):
            name = "%s%s" % ("sealed" if seal else "signed", "-hdrsign" if hdr else "")
            req, so, sl, go = build_pdu(0, 7, request_stub, level)
            req_out, req_sig = protect(sk, req, so, sl, go, 0, True, seal, hdr, conf_c)
            rsp, rso, rsl, rgo = build_pdu(2, 7, response_stub, level, response=True)
            rsp_out, rsp_sig = protect(sk, rsp, rso, rsl, rgo, 1, False, seal, hdr, conf_s)
            emit("ssp-" + name, [("session_key", sk), ("auth_level", str(level)), ("header_signing", str(hdr).lower()),
                                 ("request_plain", req), ("request_stub_offset", str(so)),
                                 ("request_stub_length", str(sl)), ("request_signature_offset", str(go)),
                                 ("request_confounder", conf_c), ("request_protected", req_out),
                                 ("request_signature", req_sig),
                                 ("response_plain", rsp), ("response_stub_offset", str(rso)),
                                 ("response_stub_length", str(rsl)), ("response_signature_offset", str(rgo)),
                                 ("response_protected", rsp_out)])


if __name__ == "__main__":
    main()
