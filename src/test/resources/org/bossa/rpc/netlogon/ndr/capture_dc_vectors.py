#!/usr/bin/python3
"""Captures real Netlogon answers from a Samba AD DC into netlogon-dc.vectors.

The request stubs are pidl's (byte-equal to Bossa's encoders, see netlogon-ndr.vectors); they go to the
DC raw through ClientConnection.request over Samba's own schannel (sealed) binding, and the response
stubs are stored as the DC sent them (after unsealing), except that the UserSessionKey and LMKey of a
successful logon are overwritten with zeros: no real key goes into the repository. Used once against
the development DC (Samba 4.17.12, realm FIXTURE.TEST) with a throw-away machine account:

  /usr/bin/python3 capture_dc_vectors.py DC-IP DOMAIN MACHINE MACHINE-PASSWORD USER USER-PASSWORD
"""
import hashlib
import hmac
import struct
import sys
import time

from samba import credentials, param, NTSTATUSError
from samba.dcerpc import netlogon, lsa, misc

dc_ip, domain, machine, machine_pw, user, user_pw = sys.argv[1:7]

lp = param.LoadParm()
lp.set("client schannel", "yes")
creds = credentials.Credentials()
creds.guess(lp)
creds.set_kerberos_state(credentials.DONT_USE_KERBEROS)
creds.set_domain(domain)
creds.set_workstation(machine)
creds.set_username(machine + "$")
creds.set_password(machine_pw)
creds.set_secure_channel_type(misc.SEC_CHAN_WKSTA)

conn = netlogon.netlogon("ncacn_ip_tcp:%s[schannel,seal]" % dc_ip, lp, creds)
server = "\\\\" + dc_ip

out = []


def emit(name, blob, comment):
    out.append("# " + comment)
    out.append(name + " = " + bytes(blob).hex())
    out.append("")


def nt_hash(password):
    c = credentials.Credentials()
    c.set_password(password)
    return bytes(c.get_nt_hash())


def utf16(s):
    return s.encode("utf-16-le")


def av_pairs():
    pairs = b""
    for av_id, value in ((2, utf16(domain)), (1, utf16(machine))):  # MsvAvNbDomainName, MsvAvNbComputerName
        pairs += struct.pack("<HH", av_id, len(value)) + value
    return pairs + struct.pack("<HH", 0, 0)


def ntlmv2(password, server_challenge):
    key = hmac.new(nt_hash(password), utf16(user.upper() + domain), hashlib.md5).digest()
    client_challenge = bytes(range(0x31, 0x39))
    filetime = int((time.time() + 11644473600) * 10_000_000)
    blob = (struct.pack("<BBHI", 1, 1, 0, 0) + struct.pack("<Q", filetime) + client_challenge
            + struct.pack("<I", 0) + av_pairs() + struct.pack("<I", 0))
    proof = hmac.new(key, server_challenge + blob, hashlib.md5).digest()
    lmv2 = hmac.new(key, server_challenge + client_challenge, hashlib.md5).digest() + client_challenge
    return proof + blob, lmv2


def lsa_string(s):
    v = lsa.String()
    v.string = s
    return v


def sam_logon_ex(password, level):
    challenge = bytes(range(0x41, 0x49))
    nt, lm = ntlmv2(password, challenge)
    r = netlogon.netr_LogonSamLogonEx()
    r.in_server_name = server
    r.in_computer_name = machine
    r.in_logon_level = 2
    ni = netlogon.netr_NetworkInfo()
    ni.identity_info = netlogon.netr_IdentityInfo()
    ni.identity_info.domain_name = lsa_string(domain)
    ni.identity_info.parameter_control = 0x820
    ni.identity_info.logon_id = 0
    ni.identity_info.account_name = lsa_string(user)
    ni.identity_info.workstation = lsa_string("CLIENT1")
    ni.challenge = list(challenge)
    ntr = netlogon.netr_ChallengeResponse()
    ntr.length = len(nt)
    ntr.data = list(nt)
    ni.nt = ntr
    lmr = netlogon.netr_ChallengeResponse()
    lmr.length = len(lm)
    lmr.data = list(lm)
    ni.lm = lmr
    r.in_logon = ni
    r.in_validation_level = level
    r.in_flags = 0
    stub = bytearray(conn.request(39, r.__ndr_pack_in__()))
    if stub[4:8] != bytes(4):
        # a validation structure follows: discriminant and pointer (8), six times (48), six
        # RPC_UNICODE_STRINGs (48), two u16 and two u32 (12), GroupCount and its pointer (8),
        # UserFlags (4), then UserSessionKey (16), two strings (16), the LogonDomainId pointer (4), LMKey (8)
        stub[128:144] = bytes(16)
        stub[164:172] = bytes(8)
    return bytes(stub)


for level in (6, 3, 2):
    emit("dc.samLogonEx.sam%d.out" % {6: 6, 3: 3, 2: 2}[level], sam_logon_ex(user_pw, level),
         "LogonSamLogonEx %s\\%s, validation level %d, the DC's answer" % (domain, user, level))
emit("dc.samLogonEx.wrongPassword.out", sam_logon_ex(user_pw + "x", 6),
     "LogonSamLogonEx %s\\%s with a wrong password, level 6" % (domain, user))


def capabilities(level):
    r = netlogon.netr_LogonGetCapabilities()
    r.in_server_name = server
    r.in_computer_name = machine
    a = creds.new_client_authenticator()  # a dict: credential (bytes), timestamp
    auth = netlogon.netr_Authenticator()
    auth.cred = netlogon.netr_Credential()
    auth.cred.data = list(a["credential"])
    auth.timestamp = a["timestamp"]
    r.in_credential = auth
    z = netlogon.netr_Authenticator()
    z.cred = netlogon.netr_Credential()
    z.cred.data = [0] * 8
    z.timestamp = 0
    r.in_return_authenticator = z
    r.in_query_level = level
    return conn.request(21, r.__ndr_pack_in__())


emit("dc.capabilities1.out", capabilities(1), "LogonGetCapabilities level 1 on the sealed channel, the DC's answer")
for level in (2, 3):
    try:
        emit("dc.capabilities%d.out" % level, capabilities(level),
             "LogonGetCapabilities level %d on the sealed channel, the DC's answer" % level)
    except (RuntimeError, NTSTATUSError) as e:
        out.append("# LogonGetCapabilities level %d: the DC faults, mapped by Samba to NTSTATUS %r" % (level, e.args))
        out.append("")


def control2ex(function_code):
    r = netlogon.netr_LogonControl2Ex()
    r.in_logon_server = server
    r.in_function_code = function_code
    r.in_level = 2
    r.in_data = domain
    return conn.request(18, r.__ndr_pack_in__())


for code, name in ((10, "tcVerify"), (6, "tcQuery")):
    try:
        emit("dc.control2Ex.%s.out" % name, control2ex(code),
             "LogonControl2Ex function %d level 2 on the sealed channel, as the machine account" % code)
    except (RuntimeError, NTSTATUSError) as e:
        out.append("# LogonControl2Ex function %d: the DC faults: %r" % (code, e.args))
        out.append("")

# What Samba's own client (netlogon_creds_cli_check) sends after a level-2 fault to prove the sealed
# connection is still in step: NetrLogonControl (12), NETLOGON_CONTROL_QUERY, level 2, expecting
# WERR_NOT_SUPPORTED without a fault.
r = netlogon.netr_LogonControl()
r.in_logon_server = server
r.in_function_code = 1
r.in_level = 2
emit("dc.control.query.in", r.__ndr_pack_in__(), "LogonControl (12) QUERY level 2, the request")
emit("dc.control.query.out", conn.request(12, r.__ndr_pack_in__()),
     "LogonControl (12) QUERY level 2 on the sealed channel, the DC's answer")

print("# Captured by capture_dc_vectors.py from Samba 4.17.12 (FIXTURE.TEST dev DC); raw response stubs.")
print()
print("\n".join(out))
