#!/usr/bin/env bash
# Runs every test: unit and in-JVM integration (jcifs-ng), then the interop phase against Samba's
# own tools (smbclient, smbtorture). Installs the Debian peers first when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-home.sh
scripts/install-peers.sh
./mvnw -B -T1 --no-transfer-progress verify "$@"
