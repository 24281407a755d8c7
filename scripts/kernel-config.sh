#!/usr/bin/env bash
# Writes the kit kernel's .config into the object tree:
#   scripts/kernel-config.sh SRCDIR OBJDIR FRAGMENT
# `make tinyconfig`, then each FRAGMENT line through scripts/config, then
# `make olddefconfig`, then a check that every line made it. The result goes
# to OBJDIR/.config only if it differs, so an unchanged configuration causes
# no rebuild; a copy of what it was made from skips all this next time.
set -euo pipefail

die() { echo "kernel-config: $*" >&2; exit 1; }

[ $# -eq 3 ] || { echo "usage: $0 SRCDIR OBJDIR FRAGMENT" >&2; exit 2; }
src=$1
obj=$2
fragment=$3
here=$(cd "$(dirname "$0")" && pwd)
used=$obj/.bootkit-fragment

# What the configuration is made from: the fragment and this script.
recipe() { cat "$fragment" "$0"; }
if [ -f "$obj/.config" ] && recipe | cmp -s - "$used"; then
	echo "kernel-config: $obj/.config is up to date"
	exit 0
fi

mkdir -p "$obj"
obj=$(cd "$obj" && pwd)
# A scratch object tree of its own: tinyconfig merges its fragments into
# a hard-wired .config, so building the new one beside the real .config
# (KCONFIG_CONFIG) would not work, and writing the real one would make
# every unchanged configuration look new to the kernel's build.
scratch=$obj/.bootkit-kconfig
mkdir -p "$scratch"
want=$scratch/.config
kmake() {
	make -s -C "$src" O="$scratch" ARCH=x86_64 "$@"
}

rm -f "$want"
kmake tinyconfig >/dev/null || die "make tinyconfig failed"
args=()
while IFS= read -r line; do
	case $line in '' | '#'*) continue ;; esac
	name=${line%%=*}
	name=${name#CONFIG_}
	value=${line#*=}
	case $value in
	y) args+=(--enable "$name") ;;
	n) args+=(--disable "$name") ;;
	*) args+=(--set-val "$name" "$value") ;;
	esac
done <"$fragment"
"$src/scripts/config" --file "$want" "${args[@]}"
kmake olddefconfig >/dev/null || die "make olddefconfig failed"
# Fail before a 4-minute build, not after it.
"$here/check-kconfig.sh" "$want" "$fragment"

if cmp -s "$want" "$obj/.config"; then
	echo "kernel-config: configuration unchanged"
else
	echo "kernel-config: new configuration in $obj/.config"
	cp "$want" "$obj/.config.tmp"
	mv "$obj/.config.tmp" "$obj/.config"
fi
recipe >"$used"
