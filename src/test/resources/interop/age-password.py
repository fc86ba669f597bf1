# Makes a user's password expired on the loopback test DC, for the PASSWORD_EXPIRED logon test.
# Samba refuses any pwdLastSet but 0 or -1 through its modules and treats a maximum password age
# under one day as "never", so: a PSO with a 2-day maximum age applied to the user (made with
# samba-tool by the caller), then pwdLastSet set 100 days back directly in the domain partition's
# ldb with no modules loaded. Test DCs only.
#   /usr/bin/python3 age-password.py PARTITION_LDB BASE_DN USER
import sys, time, ldb
db = ldb.Ldb(url=sys.argv[1], options=["modules:"])
res = db.search(base=sys.argv[2], scope=ldb.SCOPE_SUBTREE, expression="(sAMAccountName=%s)" % sys.argv[3],
                attrs=["pwdLastSet"])
if len(res) != 1:
    sys.exit("no user " + sys.argv[3])
m = ldb.Message()
m.dn = res[0].dn
old = int((time.time() - 100 * 86400 + 11644473600) * 10**7)
m["pwdLastSet"] = ldb.MessageElement(str(old), ldb.FLAG_MOD_REPLACE, "pwdLastSet")
db.modify(m)
print("aged", m.dn)
