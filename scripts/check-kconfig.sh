#!/usr/bin/env bash
# Checks that a Kconfig .config (Linux or SeaBIOS) has every option of a
# fragment exactly as the fragment writes it:
#   scripts/check-kconfig.sh DOTCONFIG FRAGMENT
# Prints the ones that differ (with what .config has instead) and exits 1 if
# any do. olddefconfig silently drops options whose dependencies are unmet,
# so this is the only place such a loss shows.
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 DOTCONFIG FRAGMENT" >&2; exit 2; }
config=$1
fragment=$2
[ -f "$config" ] || { echo "check-kconfig: $config not found" >&2; exit 1; }
[ -f "$fragment" ] || { echo "check-kconfig: $fragment not found" >&2; exit 1; }

bad=0
total=0
while IFS= read -r line; do
	case $line in '' | '#'*) continue ;; esac
	total=$((total + 1))
	name=${line%%=*}
	grep -qxF -- "$line" "$config" && continue
	have=$(grep -m1 -E "^$name=|^# $name is not set" "$config" || true)
	echo "check-kconfig: missing $line (.config has: ${have:-nothing})" >&2
	bad=$((bad + 1))
done <"$fragment"

if [ "$bad" -gt 0 ]; then
	echo "check-kconfig: $bad of $total options missing in $config" >&2
	exit 1
fi
echo "check-kconfig: all $total options of ${fragment##*/} set in $config"
