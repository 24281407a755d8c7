#!/usr/bin/env bash
# Builds SeaBIOS with the kit's trace points for QEMU (256 KiB image):
#   scripts/build-seabios.sh SRCDIR OBJDIR OUTDIR
# Source from Debian's seabios package (seabios-source.sh), configuration
# kernel-patches/seabios/bios-256k.config through SeaBIOS's olddefconfig,
# objects in OBJDIR, the image in OUTDIR/bios.bin. About 30 s cold.
set -euo pipefail

die() { echo "build-seabios: $*" >&2; exit 1; }

[ $# -eq 3 ] || { echo "usage: $0 SRCDIR OBJDIR OUTDIR" >&2; exit 2; }
src=${1%/}
obj=${2%/}
out=${3%/}
here=$(cd "$(dirname "$0")" && pwd)
patches=$(cd "$here/../kernel-patches" && pwd)
fragment=$patches/seabios/bios-256k.config
jobs=${SEABIOS_JOBS:-$(nproc)}
size=$((256 * 1024))

# SeaBIOS builds 16- and 32-bit code with the host gcc (-m32, freestanding:
# no multilib needed) and links with scripts written in Python.
"$here/install-packages.sh" gcc make binutils python3

"$here/seabios-source.sh" "$src"

mkdir -p "$obj"
obj=$(cd "$obj" && pwd)
# SeaBIOS's Makefile wants OUT with a trailing slash; PYTHON defaults to
# `python`, which Debian does not have. Its build must not see the calling
# make's flags or variables.
smake() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u MAKEOVERRIDES \
		make -s -C "$src" OUT="$obj/" KCONFIG_CONFIG="$obj/.config" PYTHON=python3 "$@"
}

# A new configuration only when the fragment changed, so nothing rebuilds
# needlessly.
if ! cmp -s "$fragment" "$obj/.bootkit-fragment" || [ ! -f "$obj/.config" ]; then
	echo "build-seabios: configuring from ${fragment##*/}"
	grep -v '^#' "$fragment" >"$obj/.config"
	smake olddefconfig >/dev/null || die "olddefconfig failed"
	cp "$fragment" "$obj/.bootkit-fragment"
fi
"$here/check-kconfig.sh" "$obj/.config" "$fragment"

# SeaBIOS 1.16.2 under gcc 12 prints hundreds of -Warray-bounds warnings
# about its far-pointer macros (upstream's, harmless): keep them in a log.
log=$obj/build.log
echo "build-seabios: make -j$jobs in $obj (output in $log)"
if ! smake -j"$jobs" EXTRAVERSION=-bootkit "$obj/bios.bin" >"$log" 2>&1; then
	tail -n 40 "$log" >&2
	die "SeaBIOS build failed (full output in $log)"
fi
grep -E '^Total size:' "$log" || true

actual=$(stat -c %s "$obj/bios.bin")
[ "$actual" -eq "$size" ] || die "$obj/bios.bin is $actual bytes, not $size"
mkdir -p "$out"
if ! cmp -s "$obj/bios.bin" "$out/bios.bin"; then
	cp "$obj/bios.bin" "$out/bios.bin.tmp"
	mv "$out/bios.bin.tmp" "$out/bios.bin"
	echo "build-seabios: updated $out/bios.bin"
fi
echo "build-seabios: $(cat "$src/.bootkit-source") with trace points in $out/bios.bin"
