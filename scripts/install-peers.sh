#!/usr/bin/env bash
# Installs the Debian packages the interop tests and benchmarks drive: Samba's client, smbtorture,
# the AD DC and winbind pieces, MIT Kerberos tools, hyperfine. Does nothing when all are present.
set -euo pipefail

need=()
check() { command -v "$1" >/dev/null 2>&1 || need+=("$2"); }
check smbclient smbclient
check smbtorture samba-testsuite
check smbd samba
check samba-tool samba-ad-provision
check wbinfo winbind
check kinit krb5-user
check ldapsearch ldap-utils
check setfattr attr
check setfacl acl
check hyperfine hyperfine
[ -e /usr/bin/time ] || need+=(time)
[ -e /usr/lib/x86_64-linux-gnu/samba/ldb/samba_dsdb.so ] || [ -d /usr/lib/x86_64-linux-gnu/samba/ldb ] || need+=(samba-dsdb-modules)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "install-peers: missing packages (${need[*]}) and not root: install them with apt-get" >&2
  exit 1
fi
echo "install-peers: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends samba samba-ad-dc samba-ad-provision samba-dsdb-modules \
  samba-vfs-modules smbclient samba-testsuite winbind libnss-winbind krb5-user ldap-utils attr acl \
  hyperfine time >/dev/null
