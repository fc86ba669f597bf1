"""Test data of bench/identity-lookups.sh in the loopback DC, over LDAP as the administrator.

    identity_data.py create DC_IP BASE_DN COUNT PREFIX GROUP   OU=IdBench with COUNT users
                                                               PREFIX0001.. and GROUP holding them all
    identity_data.py delete DC_IP BASE_DN                      OU=IdBench and all in it

The administrator's name and password come from BENCH_ADMIN and BENCH_ADMIN_PASSWORD (never the
command line). Users are added without a password, as Samba then creates them: disabled, which
changes nothing for name lookups. create is idempotent: an OU holding the same users and group is
kept as it is.
"""
import os
import sys

import ldb
from samba.credentials import Credentials
from samba.param import LoadParm
from samba.samdb import SamDB


def connect(ip):
    lp = LoadParm()
    creds = Credentials()
    creds.guess(lp)
    creds.set_username(os.environ["BENCH_ADMIN"])
    creds.set_password(os.environ["BENCH_ADMIN_PASSWORD"])
    return SamDB(url="ldap://" + ip, credentials=creds, lp=lp)


def main():
    cmd, ip, base = sys.argv[1:4]
    db = connect(ip)
    ou = "OU=IdBench," + base
    if cmd == "delete":
        try:
            db.delete(ou, ["tree_delete:1"])
        except ldb.LdbError as e:
            if e.args[0] != ldb.ERR_NO_SUCH_OBJECT:
                raise
        return
    count, prefix, group = int(sys.argv[4]), sys.argv[5], sys.argv[6]
    found = db.search(ou, scope=ldb.SCOPE_ONELEVEL, expression="(sAMAccountName=%s)" % group, attrs=["member"]) \
        if db.search(base, scope=ldb.SCOPE_ONELEVEL, expression="(ou=IdBench)") else []
    if found and len(found[0].get("member", [])) == count:
        print("kept OU=IdBench: %d users in %s" % (count, group))
        return
    if db.search(base, scope=ldb.SCOPE_ONELEVEL, expression="(ou=IdBench)"):
        db.delete(ou, ["tree_delete:1"])
    db.add({"dn": ou, "objectClass": "organizationalUnit"})
    dns = []
    for i in range(1, count + 1):
        name = "%s%04d" % (prefix, i)
        dn = "CN=%s,%s" % (name, ou)
        db.add({"dn": dn, "objectClass": "user", "sAMAccountName": name})
        dns.append(dn)
    db.add({"dn": "CN=%s,%s" % (group, ou), "objectClass": "group", "sAMAccountName": group, "member": dns})
    print("made OU=IdBench: %d users in %s" % (count, group))


if __name__ == "__main__":
    main()
