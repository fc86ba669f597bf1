#!/usr/bin/python3
"""Generates netlogon-ndr.vectors: the NDR20 in and out stubs of the Netlogon calls Bossa's member
makes, produced by Samba's own pidl marshalling (python3-samba 4.17). The Java codecs must produce
the *.in stubs byte for byte and decode the *.out stubs to the values set here.

Run: /usr/bin/python3 gen_netlogon_vectors.py > netlogon-ndr.vectors
Every value is fixed (no randomness), so the output is reproducible.
"""
from samba.dcerpc import netlogon, lsa, samr, security

DC = "\\\\dc1.fixture.test"
COMPUTER = "NLRPC1"
ACCOUNT = "NLRPC1$"
DOMAIN = "FIXTURE"


def cred(first):
    c = netlogon.netr_Credential()
    c.data = [(first + i) & 0xFF for i in range(8)]
    return c


def auth(first, timestamp):
    a = netlogon.netr_Authenticator()
    a.cred = cred(first)
    a.timestamp = timestamp
    return a


def zero_auth():
    a = netlogon.netr_Authenticator()
    a.cred = netlogon.netr_Credential()
    a.cred.data = [0] * 8
    a.timestamp = 0
    return a


def lsa_string(s):
    v = lsa.String()
    v.string = s
    return v


def lsa_string_large(s):
    v = lsa.StringLarge()
    v.string = s
    return v


out = []


def emit(name, blob, comment):
    out.append("# " + comment)
    out.append(name + " = " + bytes(blob).hex())
    out.append("")


# ---- NetrServerReqChallenge (4)
r = netlogon.netr_ServerReqChallenge()
r.in_server_name = DC
r.in_computer_name = COMPUTER
r.in_credentials = cred(0x11)
emit("reqChallenge.in", r.__ndr_pack_in__(),
     "ServerReqChallenge in: server \\\\dc1.fixture.test, computer NLRPC1, challenge 1112..18")
r.out_return_credentials = cred(0xA1)
r.result = 0
emit("reqChallenge.out", r.__ndr_pack_out__(), "ServerReqChallenge out: challenge a1a2..a8, STATUS_SUCCESS")
r.in_server_name = None
emit("reqChallenge.nullServer.in", r.__ndr_pack_in__(), "ServerReqChallenge in without a server name")

# ---- NetrServerAuthenticate3 (26)
r = netlogon.netr_ServerAuthenticate3()
r.in_server_name = DC
r.in_account_name = ACCOUNT
r.in_secure_channel_type = 2  # SEC_CHAN_WKSTA
r.in_computer_name = COMPUTER
r.in_credentials = cred(0x21)
r.in_negotiate_flags = 0x613FFFFF
emit("authenticate3.in", r.__ndr_pack_in__(),
     "ServerAuthenticate3 in: NLRPC1$, workstation channel, credential 2122..28, flags 0x613fffff")
r.out_return_credentials = cred(0xB1)
r.out_negotiate_flags = 0x612FFFFF
r.out_rid = 1105
r.result = 0
emit("authenticate3.out", r.__ndr_pack_out__(),
     "ServerAuthenticate3 out: credential b1..b8, flags 0x612fffff, rid 1105, STATUS_SUCCESS")
r.out_return_credentials = zero_auth().cred
r.out_negotiate_flags = 0
r.out_rid = 0
r.result = 0xC0000022
emit("authenticate3.denied.out", r.__ndr_pack_out__(), "ServerAuthenticate3 out: STATUS_ACCESS_DENIED")

# ---- NetrLogonGetCapabilities (21)
r = netlogon.netr_LogonGetCapabilities()
r.in_server_name = DC
r.in_computer_name = COMPUTER
r.in_credential = auth(0x31, 0x64000001)
r.in_return_authenticator = zero_auth()
r.in_query_level = 1
emit("capabilities1.in", r.__ndr_pack_in__(),
     "LogonGetCapabilities in: authenticator 3132..38 / 0x64000001, zero return authenticator, level 1")
r.in_query_level = 2
emit("capabilities2.in", r.__ndr_pack_in__(), "LogonGetCapabilities in: as above, level 2")
r.in_query_level = 1
r.out_return_authenticator = auth(0xC1, 0)
r.out_capabilities = 0x612FFFFF
r.result = 0
emit("capabilities1.out", r.__ndr_pack_out__(),
     "LogonGetCapabilities out level 1: return authenticator c1..c8, server capabilities 0x612fffff")
r.in_query_level = 2
r.out_capabilities = 0x613FFFFF
emit("capabilities2.out", r.__ndr_pack_out__(),
     "LogonGetCapabilities out level 2: return authenticator c1..c8, requested flags 0x613fffff")

# ---- NetrLogonSamLogonEx (39)
r = netlogon.netr_LogonSamLogonEx()
r.in_server_name = DC
r.in_computer_name = COMPUTER
r.in_logon_level = 2  # NetlogonNetworkInformation
ni = netlogon.netr_NetworkInfo()
ni.identity_info = netlogon.netr_IdentityInfo()
ni.identity_info.domain_name = lsa_string(DOMAIN)
ni.identity_info.parameter_control = 0x00000820
ni.identity_info.logon_id = 0x0123456789ABCDEF
ni.identity_info.account_name = lsa_string("alice")
ni.identity_info.workstation = lsa_string("CLIENT1")
ni.challenge = list(range(0x41, 0x49))
nt = netlogon.netr_ChallengeResponse()
nt.length = 45  # set first: the binding reads data through length
nt.data = [(0x50 + i) & 0xFF for i in range(45)]
ni.nt = nt
lm = netlogon.netr_ChallengeResponse()
lm.length = 24
lm.data = [0xE0 + i for i in range(24)]
ni.lm = lm
r.in_logon = ni
r.in_validation_level = 6
r.in_flags = 0
emit("samLogonEx.in", r.__ndr_pack_in__(),
     "LogonSamLogonEx in: network logon FIXTURE\\alice from CLIENT1, parameter control 0x820, "
     "logon id 0x0123456789abcdef, challenge 41..48, NT response 45 bytes 50.., LM 24 bytes e0.., level 6")
lm = netlogon.netr_ChallengeResponse()
lm.data = []
lm.length = 0
ni.lm = lm
ni.identity_info.workstation = lsa_string("")
r.in_logon = ni
r.in_validation_level = 3
r.in_flags = 0
emit("samLogonEx.noLm.in", r.__ndr_pack_in__(),
     "LogonSamLogonEx in: as above with an empty LM response, empty workstation, level 3")

DOMAIN_SID = "S-1-5-21-1111111111-2222222222-3333333333"


def base_info(b):
    b.logon_time = 0x01DA000011112222
    b.logoff_time = 0x7FFFFFFFFFFFFFFF
    b.kickoff_time = 0x7FFFFFFFFFFFFFFF
    b.last_password_change = 0x01D9000033334444
    b.allow_password_change = 0x01D9000155556666
    b.force_password_change = 0x7FFFFFFFFFFFFFFF
    b.account_name = lsa_string("alice")
    b.full_name = lsa_string("Alice Example")
    b.logon_script = lsa_string("")
    b.profile_path = lsa_string("")
    b.home_directory = lsa_string("")
    b.home_drive = lsa_string("")
    b.logon_count = 7
    b.bad_password_count = 1
    b.rid = 1104
    b.primary_gid = 513
    g = samr.RidWithAttributeArray()
    rids = []
    for rid in (513, 1110):
        a = samr.RidWithAttribute()
        a.rid = rid
        a.attributes = 7
        rids.append(a)
    g.count = len(rids)
    g.rids = rids
    b.groups = g
    b.user_flags = 0x00000120  # NETLOGON_EXTRA_SIDS | NETLOGON_NTLMV2_ENABLED
    k = netlogon.netr_UserSessionKey()
    k.key = list(range(0x70, 0x80))
    b.key = k
    b.logon_server = lsa_string_large("DC1")
    b.logon_domain = lsa_string_large(DOMAIN)
    b.domain_sid = security.dom_sid(DOMAIN_SID)
    lk = netlogon.netr_LMSessionKey()
    lk.key = [0] * 8
    b.LMSessKey = lk
    b.acct_flags = 0x00000210  # ACB_NORMAL | ACB_PWNOEXP
    b.sub_auth_status = 0
    b.last_successful_logon = 0
    b.last_failed_logon = 0
    b.failed_logon_count = 0
    b.reserved = 0


def extra_sids():
    sids = []
    for s, attrs in (("S-1-18-1", 7), (DOMAIN_SID + "-1200", 0x20000007), ("S-1-5-21-9-8-7-512", 7)):
        a = netlogon.netr_SidAttr()
        a.sid = security.dom_sid(s)
        a.attributes = attrs
        sids.append(a)
    return sids


sam6 = netlogon.netr_SamInfo6()
base_info(sam6.base)
sam6.sidcount = 3
sam6.sids = extra_sids()
sam6.dns_domainname = lsa_string("fixture.test")
sam6.principal_name = lsa_string("alice@fixture.test")
sam6.unknown4 = [0] * 20
r.in_validation_level = 6
r.out_validation = sam6
r.out_authoritative = 1
r.out_flags = 0
r.result = 0
EMIT_SAM = ("alice (RID 1104) of " + DOMAIN_SID + ", primary group 513, groups 513 and 1110 (attrs 7), "
            "user flags 0x120, session key 70..7f, server DC1, domain FIXTURE, account flags 0x210, "
            "logon count 7, bad password count 1")
emit("samLogonEx.sam6.out", r.__ndr_pack_out__(),
     "LogonSamLogonEx out level 6: " + EMIT_SAM + ", extra SIDs S-1-18-1 (7), " + DOMAIN_SID
     + "-1200 (0x20000007, a resource group), S-1-5-21-9-8-7-512 (7), DNS domain fixture.test, "
     "UPN alice@fixture.test, authoritative 1, STATUS_SUCCESS")

sam3 = netlogon.netr_SamInfo3()
base_info(sam3.base)
sam3.sidcount = 3
sam3.sids = extra_sids()
r.in_validation_level = 3
r.out_validation = sam3
emit("samLogonEx.sam3.out", r.__ndr_pack_out__(),
     "LogonSamLogonEx out level 3: the same user and extra SIDs, no DNS domain or UPN")

sam2 = netlogon.netr_SamInfo2()
base_info(sam2.base)
r.in_validation_level = 2
r.out_validation = sam2
emit("samLogonEx.sam2.out", r.__ndr_pack_out__(), "LogonSamLogonEx out level 2: the same user, no extra SIDs")

r.in_validation_level = 6
r.out_validation = None
r.out_authoritative = 1
r.out_flags = 0
r.result = 0xC000006D
emit("samLogonEx.failure.out", r.__ndr_pack_out__(),
     "LogonSamLogonEx out: STATUS_LOGON_FAILURE, level 6 with a null validation pointer, authoritative 1")

# ---- NetrServerPasswordSet2 (30)
r = netlogon.netr_ServerPasswordSet2()
r.in_server_name = DC
r.in_account_name = ACCOUNT
r.in_secure_channel_type = 2
r.in_computer_name = COMPUTER
r.in_credential = auth(0x51, 0x64000002)
p = netlogon.netr_CryptPassword()
p.data = [(i * 7) & 0xFF for i in range(512)]
p.length = 0x9A8B7C6D
r.in_new_password = p
emit("passwordSet2.in", r.__ndr_pack_in__(),
     "ServerPasswordSet2 in: NLRPC1$, authenticator 5152..58 / 0x64000002, NL_TRUST_PASSWORD buffer "
     "bytes i*7 and length field 0x9a8b7c6d (as the caller encrypted them)")
r.out_return_authenticator = auth(0xD1, 0)
r.result = 0
emit("passwordSet2.out", r.__ndr_pack_out__(), "ServerPasswordSet2 out: return authenticator d1..d8, STATUS_SUCCESS")

# ---- NetrLogonControl2Ex (18)
r = netlogon.netr_LogonControl2Ex()
r.in_logon_server = DC
r.in_function_code = 10  # NETLOGON_CONTROL_TC_VERIFY
r.in_level = 2
r.in_data = DOMAIN
emit("control2Ex.tcVerify.in", r.__ndr_pack_in__(), "LogonControl2Ex in: TC_VERIFY (10), level 2, domain FIXTURE")
r.in_function_code = 6  # NETLOGON_CONTROL_TC_QUERY
emit("control2Ex.tcQuery.in", r.__ndr_pack_in__(), "LogonControl2Ex in: TC_QUERY (6), level 2, domain FIXTURE")
i2 = netlogon.netr_NETLOGON_INFO_2()
i2.flags = 0x00000080  # NETLOGON_VERIFY_STATUS_RETURNED
i2.pdc_connection_status = 0
i2.trusted_dc_name = "\\\\dc1.fixture.test"
i2.tc_connection_status = 0
r.out_query = i2
r.result = 0
emit("control2Ex.out", r.__ndr_pack_out__(),
     "LogonControl2Ex out level 2: flags 0x80, pdc status 0, trusted DC \\\\dc1.fixture.test, tc status 0, WERR_OK")

print("# Generated by gen_netlogon_vectors.py (Samba python3-samba pidl marshalling); do not edit.")
print("# Hex NDR20 stubs, little-endian, referent ids as Samba numbers them (0x00020000, 0x00020004, ...).")
print()
print("\n".join(out))
