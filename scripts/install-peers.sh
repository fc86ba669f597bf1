#!/usr/bin/env bash
# Installs the Debian packages the interop tests and benchmarks drive (docs/testbed.md): Samba's
# client, smbtorture, the AD DC and its provisioning, winbind and its NSS and PAM modules
# (with pamtester), systemd's userdbctl, MIT Kerberos
# and OpenLDAP tools, attr/acl, hyperfine and GNU time. Each package is checked by a file it
# provides; only the missing ones are installed. Does nothing when all are present.
set -euo pipefail

need=()
# has PACKAGE GLOB...: the package counts as installed when one of the globs matches a file
has() {
  local pkg="$1" g; shift
  for g in "$@"; do
    if compgen -G "$g" >/dev/null; then return 0; fi
  done
  need+=("$pkg")
}
has samba                /usr/sbin/samba /usr/sbin/smbd
has samba-common-bin     /usr/bin/samba-tool
has samba-ad-provision   /usr/share/samba/setup/ad-schema/MS-AD_Schema_2K8_Attributes.txt
has samba-dsdb-modules   '/usr/lib/*/samba/ldb/samba_dsdb.so'
has samba-vfs-modules    '/usr/lib/*/samba/vfs/acl_xattr.so'
has smbclient            /usr/bin/smbclient
has samba-testsuite      /usr/bin/smbtorture
has winbind              /usr/sbin/winbindd
has libnss-winbind       '/lib/*/libnss_winbind.so.2' '/usr/lib/*/libnss_winbind.so.2'
has libpam-winbind       '/lib/*/security/pam_winbind.so' '/usr/lib/*/security/pam_winbind.so'
has pamtester            /usr/bin/pamtester
has systemd-userdbd      /usr/bin/userdbctl
has krb5-user            /usr/bin/kinit
has ldap-utils           /usr/bin/ldapsearch
has attr                 /usr/bin/setfattr
has acl                  /usr/bin/setfacl /bin/setfacl
has hyperfine            /usr/bin/hyperfine
has time                 /usr/bin/time
# samba-ad-dc is a metapackage (it ships no file of its own but its docs, which minimal images
# strip): ask dpkg
[ "$(dpkg-query -W -f='${db:Status-Status}' samba-ad-dc 2>/dev/null || true)" = installed ] || need+=(samba-ad-dc)

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
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
