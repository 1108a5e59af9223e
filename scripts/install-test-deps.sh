#!/usr/bin/env bash
# Install the system packages the integration tests need (Dovecot's IMAP server and
# the openssl CLI), only when missing. Idempotent; says what it did.
#
# The tests run their own private Dovecot (tests/servers.py); the Debian package is
# only a source of binaries, so the system service is never started or configured.
set -euo pipefail

log() { printf 'install-test-deps: %s\n' "$*"; }
die() { printf 'install-test-deps: ERROR: %s\n' "$*" >&2; exit 1; }

missing=()
[[ -x /usr/sbin/dovecot ]] || missing+=(dovecot-imapd)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)

if ((${#missing[@]} == 0)); then
    log "nothing to do: dovecot $(/usr/sbin/dovecot --version | head -n1), $(openssl version)"
    exit 0
fi

log "missing: ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
    die "not root, cannot install. Run: sudo apt-get install -y ${missing[*]}"
fi
command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install ${missing[*]} by hand"

export DEBIAN_FRONTEND=noninteractive

# A package install must not start the system Dovecot. Debian asks policy-rc.d;
# if the machine has none, provide one that denies every start for the duration.
policy=/usr/sbin/policy-rc.d
if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\n# temporary, from install-test-deps.sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    trap 'rm -f "$policy"' EXIT
    log "temporarily installed $policy so no service is started"
fi

# Refreshing package lists is slow: only do it when apt knows no candidate.
needs_update=0
for pkg in "${missing[@]}"; do
    candidate=$(apt-cache policy "$pkg" 2>/dev/null | awk '/Candidate:/ {print $2}')
    if [[ -z $candidate || $candidate == "(none)" ]]; then
        needs_update=1
    fi
done
if ((needs_update)); then
    log "running apt-get update (no install candidate known)"
    apt-get update -q || die "apt-get update failed"
fi

log "apt-get install -y ${missing[*]}"
if ! apt-get install -y -q --no-install-recommends "${missing[@]}"; then
    if ((needs_update == 0)); then
        # The cached lists may point at files the mirror no longer has.
        log "install failed; retrying after apt-get update"
        apt-get update -q || die "apt-get update failed"
        apt-get install -y -q --no-install-recommends "${missing[@]}" \
            || die "apt-get install ${missing[*]} failed"
    else
        die "apt-get install ${missing[*]} failed"
    fi
fi

[[ -x /usr/sbin/dovecot ]] || die "/usr/sbin/dovecot still missing after install"
command -v openssl >/dev/null 2>&1 || die "openssl still missing after install"
log "installed: dovecot $(/usr/sbin/dovecot --version | head -n1), $(openssl version)"
