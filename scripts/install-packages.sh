#!/usr/bin/env bash
# Installs the Debian packages named on the command line that are missing:
#   scripts/install-packages.sh PKG...
# Quick when all are there. Runs `apt-get update` only when apt does not know
# one of the missing packages (empty or stale lists), not on every install.
set -euo pipefail

die() { echo "install-packages: $*" >&2; exit 1; }

installed() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed'
}

# True when apt has a candidate version, i.e. the lists know the package.
known() {
	local cand
	cand=$(apt-cache policy "$1" 2>/dev/null | sed -n 's/^ *Candidate: *//p')
	[ -n "$cand" ] && [ "$cand" != "(none)" ]
}

missing=()
for p in "$@"; do
	installed "$p" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null || die "need root (or sudo) to install ${missing[*]}"
	sudo=sudo
fi
export DEBIAN_FRONTEND=noninteractive

for p in "${missing[@]}"; do
	if ! known "$p"; then
		echo "install-packages: apt does not know $p, running apt-get update"
		$sudo apt-get update -qq || die "apt-get update failed"
		break
	fi
done
for p in "${missing[@]}"; do
	known "$p" || die "no Debian package $p in the configured apt sources"
done

install() {
	$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
echo "install-packages: installing ${missing[*]}"
if ! install; then
	# Stale lists name versions the mirror no longer has: refresh, retry once.
	$sudo apt-get update -qq || die "apt-get update failed"
	install || die "apt-get install ${missing[*]} failed"
fi
