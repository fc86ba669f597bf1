#!/usr/bin/python3
"""Samba's own Netlogon client, driven line by line from NetlogonSecureChannelIT (stdin/stdout).

It makes the unauthenticated NetrServerReqChallenge and NetrServerAuthenticate3 calls with the
credentials the Java side computed (Samba computes nothing here), and packs and unpacks
NetrLogonGetCapabilities stubs with Samba's NDR (pidl) for the Java side's sealed connection.

Commands (hex for bytes), one answer line each: "ok ..." or "error <NTSTATUS hex> <message>":
  challenge <computer> <client_challenge>            -> ok <server_challenge>
  auth3 <account> <sc_type> <computer> <client_credential> <flags>
                                                     -> ok <server_credential> <flags> <rid>
  pack_getcaps <server> <computer> <credential> <timestamp> <level>
                                                     -> ok <stub>
  unpack_getcaps <level> <stub>                      -> ok <return_credential> <timestamp> <capabilities> <status>
  pack_pwset2 <server> <account> <sc_type> <computer> <credential> <timestamp> <encrypted 516 bytes>
                                                     -> ok <stub>
  unpack_pwset2 <stub>                               -> ok <return_credential> <timestamp> <status>
  quit
Usage: /usr/bin/python3 netlogon_peer.py <dc ip>
"""
import os
import sys

from samba import NTSTATUSError, param
from samba.credentials import Credentials
from samba.dcerpc import netlogon


def credential(hexdata):
    c = netlogon.netr_Credential()
    c.data = list(bytes.fromhex(hexdata))
    return c


def main():
    lp = param.LoadParm()
    lp.load(os.devnull)
    creds = Credentials()
    creds.guess(lp)
    creds.set_anonymous()
    conn = netlogon.netlogon("ncacn_ip_tcp:%s" % sys.argv[1], lp, creds)
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        try:
            if words[0] == "quit":
                break
            elif words[0] == "challenge":
                server = conn.netr_ServerReqChallenge(None, words[1], credential(words[2]))
                answer = "ok " + bytes(server.data).hex()
            elif words[0] == "auth3":
                cred, flags, rid = conn.netr_ServerAuthenticate3(None, words[1], int(words[2]), words[3],
                                                                 credential(words[4]), int(words[5], 16))
                answer = "ok %s %08x %d" % (bytes(cred.data).hex(), flags, rid)
            elif words[0] == "pack_getcaps":
                r = netlogon.netr_LogonGetCapabilities()
                auth = netlogon.netr_Authenticator()
                auth.cred = credential(words[3])
                auth.timestamp = int(words[4])
                r.in_server_name = words[1]
                r.in_computer_name = words[2]
                r.in_credential = auth
                r.in_return_authenticator = netlogon.netr_Authenticator()
                r.in_query_level = int(words[5])
                answer = "ok " + r.__ndr_pack_in__().hex()
            elif words[0] == "unpack_getcaps":
                r = netlogon.netr_LogonGetCapabilities()
                r.in_query_level = int(words[1])
                r.__ndr_unpack_out__(bytes.fromhex(words[2]))
                ret = r.out_return_authenticator
                value = r.out_capabilities  # pidl maps a union with one integer arm to that integer
                answer = "ok %s %d %08x %08x" % (bytes(ret.cred.data).hex(), ret.timestamp, value,
                                                 r.result[0] if isinstance(r.result, tuple) else r.result)
            elif words[0] == "pack_pwset2":
                r = netlogon.netr_ServerPasswordSet2()
                auth = netlogon.netr_Authenticator()
                auth.cred = credential(words[5])
                auth.timestamp = int(words[6])
                encrypted = bytes.fromhex(words[7])
                password = netlogon.netr_CryptPassword()
                password.data = list(encrypted[:512])
                password.length = int.from_bytes(encrypted[512:516], "little")
                r.in_server_name = words[1]
                r.in_account_name = words[2]
                r.in_secure_channel_type = int(words[3])
                r.in_computer_name = words[4]
                r.in_credential = auth
                r.in_new_password = password
                answer = "ok " + r.__ndr_pack_in__().hex()
            elif words[0] == "unpack_pwset2":
                r = netlogon.netr_ServerPasswordSet2()
                r.__ndr_unpack_out__(bytes.fromhex(words[1]))
                ret = r.out_return_authenticator
                answer = "ok %s %d %08x" % (bytes(ret.cred.data).hex(), ret.timestamp,
                                            r.result[0] if isinstance(r.result, tuple) else r.result)
            else:
                answer = "error ffffffff unknown command"
        except NTSTATUSError as e:
            answer = "error %08x %s" % (e.args[0] & 0xFFFFFFFF, e.args[1])
        except Exception as e:  # the Java side reads the message; a traceback would break the protocol
            answer = "error ffffffff %s: %s" % (type(e).__name__, str(e).replace("\n", " "))
        print(answer, flush=True)


if __name__ == "__main__":
    main()
