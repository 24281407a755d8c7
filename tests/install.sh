#!/usr/bin/env bash
# make install into a scratch DESTDIR with PREFIX=/usr: every file where it
# belongs with its mode, the installed boot-loop booting from its own
# share/bootkit (not the build tree), the man page, then make uninstall
# leaving no file behind.
#   tests/install.sh [BUILD]
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD
build=${1:-build}
# shellcheck source=tests/lib.sh
. tests/lib.sh

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bootkit-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
dest=$tmp/dest
prefix=/usr
root=$dest$prefix
data=$root/share/bootkit
make=("${MAKE:-make}" --no-print-directory -C "$top" BUILD="$build" DESTDIR="$dest" PREFIX="$prefix")

# installed MODE FROM TO: TO is a regular file with exactly these permission
# bits and the same bytes as FROM.
installed() { [ -f "$3" ] && [ "$(stat -c %a "$3")" = "$1" ] && cmp -s "$2" "$3"; }
# skipped FILE WHY: FILE is not there and the install log said WHY.
skipped() { [ ! -e "$1" ] && grep -q -- "$2" "$tmp/install.log"; }
# files_outside DIR PATTERN...: files under DIR matching none of the patterns.
files_outside() {
	local dir=$1 p
	shift
	local args=()
	for p; do args+=(-e "$p"); done
	find "$dir" ! -type d | grep -v "${args[@]}" || true
}
# usage_ok TOOL: the installed TOOL without arguments prints its usage, status 2.
usage_ok() {
	local status=0
	"$root/bin/$1" >"$tmp/$1.out" 2>&1 || status=$?
	[ "$status" = 2 ] && grep -q "^usage: $1" "$tmp/$1.out"
}
# man_renders COMMAND...: COMMAND FILE renders the installed man page.
man_renders() { "$@" "$root/share/man/man1/boot-loop.1" >/dev/null; }
quiet() { "$@" >/dev/null 2>&1; }

# -- make install --
if "${make[@]}" install >"$tmp/install.log" 2>&1; then
	ok "make install DESTDIR=... PREFIX=$prefix"
else
	bad "make install DESTDIR=... PREFIX=$prefix (log follows)"
	cat "$tmp/install.log"
	finish || exit
fi

for t in boot-loop fw-measure access-count; do
	check "bin/$t: executable (0755), same as $build/host/$t" \
		installed 755 "$build/host/$t" "$root/bin/$t"
done
for f in bios.bin optionrom/linuxboot_dma.bin optionrom/pvh.bin guest/initramfs.cpio.gz; do
	check "share/bootkit/$f: data (0644), same as $build/$f" \
		installed 644 "$build/$f" "$data/$f"
done
check "share/bootkit/guest/probe: executable (0755), same as $build/guest/probe" \
	installed 755 "$build/guest/probe" "$data/guest/probe"
check "share/man/man1/boot-loop.1: 0644, same as host/boot-loop/boot-loop.1" \
	installed 644 host/boot-loop/boot-loop.1 "$root/share/man/man1/boot-loop.1"

# Optional files: installed exactly when the build has them.
kernel_installed=yes
for f in kernel-debian/vmlinuz kernel-debian/vmlinux; do
	if [ -e "$build/$f" ]; then
		check "share/bootkit/$f: fetched, so installed (0644)" \
			installed 644 "$build/$f" "$data/$f"
	else
		kernel_installed=no
		check "share/bootkit/$f: not fetched, so not installed (said so)" \
			skipped "$data/$f" "$f not fetched"
	fi
done
plugin=$build/host/fwbench-plugin.so
if [ -e "$plugin" ]; then
	check "lib/bootkit/fwbench-plugin.so: built, so installed (0755)" \
		installed 755 "$plugin" "$root/lib/bootkit/fwbench-plugin.so"
else
	check "lib/bootkit/fwbench-plugin.so: not built, so not installed (said so)" \
		skipped "$root/lib/bootkit/fwbench-plugin.so" "fwbench-plugin.so not built"
fi
outside=$(files_outside "$dest" "^$root/bin/" "^$data/" "^$root/lib/bootkit/" \
	"^$root/share/man/man1/")
check "nothing installed outside bin, share/bootkit, lib/bootkit, share/man/man1" \
	[ -z "$outside" ]

# -- the installed boot-loop finds its files under share/bootkit by itself --
# Without Debian's kernel installed, boot with none: fw_start comes first anyway.
args=(--exit=0xf5 --iterations=2 --warmup=0)
[ "$kernel_installed" = yes ] || args+=(--kernel=)
status=0
(cd "$tmp" && "$root/bin/boot-loop" "${args[@]}") >"$tmp/boot-loop.out" 2>&1 || status=$?
check "installed boot-loop ${args[*]}: exit status 0" [ "$status" = 0 ]
check "installed boot-loop: command: line uses -bios $data/bios.bin" \
	grep -q -- "^command: .* -bios $data/bios.bin " "$tmp/boot-loop.out"
if [ "$kernel_installed" = yes ]; then
	check "installed boot-loop: command: line uses share/bootkit's kernel and initramfs" \
		grep -q -- "^command: .* -kernel $data/kernel-debian/vmlinuz -initrd $data/guest/initramfs.cpio.gz " \
		"$tmp/boot-loop.out"
fi
abs_build=$(cd "$build" && pwd)
check "installed boot-loop: nothing taken from the build tree" \
	[ -z "$(grep -F -- "$abs_build/" "$tmp/boot-loop.out" || true)" ]
check "installed boot-loop: 2 samples of fw_start" \
	grep -q '^fw_start (0xf5) *2 ' "$tmp/boot-loop.out"
[ "$fail" -eq 0 ] || cat "$tmp/boot-loop.out"

# -- the other tools run (usage on no arguments, status 2) --
for t in fw-measure access-count; do
	check "installed $t runs: usage, status 2" usage_ok "$t"
done

# -- the man page --
if command -v man >/dev/null; then
	check "man -l share/man/man1/boot-loop.1 renders" \
		man_renders man -l
elif command -v groff >/dev/null; then
	echo "note: man not installed, rendering with groff -man instead"
	check "groff -man share/man/man1/boot-loop.1 renders" \
		man_renders groff -man -Tutf8
else
	echo "note: neither man nor groff installed: man page rendering skipped"
fi

# -- make uninstall: only empty folders may be left --
if "${make[@]}" uninstall >"$tmp/uninstall.log" 2>&1; then
	ok "make uninstall DESTDIR=... PREFIX=$prefix"
else
	bad "make uninstall DESTDIR=... PREFIX=$prefix (log follows)"
	cat "$tmp/uninstall.log"
fi
left=$(find "$dest" ! -type d)
check "after uninstall: no file left (only empty folders)" [ -z "$left" ]
[ -z "$left" ] || printf 'left: %s\n' "$left"
check "after uninstall: share/bootkit and lib/bootkit removed" \
	test ! -e "$data" -a ! -e "$root/lib/bootkit"
check "make uninstall again: still succeeds" quiet "${make[@]}" uninstall

finish
