#!/bin/sh
# Provisions the domain on first start (database kept in /var/lib/samba), creates a demo user,
# then runs samba in the foreground.
set -eu
if [ ! -f /var/lib/samba/private/sam.ldb ]; then
  rm -f /etc/samba/smb.conf
  samba-tool domain provision --realm="$REALM" --domain="$DOMAIN" --server-role=dc \
    --dns-backend=SAMBA_INTERNAL --adminpass="$ADMIN_PASSWORD" --use-rfc2307 \
    --option="dns forwarder = 127.0.0.11"
  cp /var/lib/samba/private/krb5.conf /etc/krb5.conf
  ( sleep 15; samba-tool user create alice 'Alice!Passw0rd' ) &
fi
cp /var/lib/samba/private/krb5.conf /etc/krb5.conf 2>/dev/null || true
exec samba -i
