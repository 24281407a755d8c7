#!/usr/bin/env bash
# Builds qboot from Debian's qemu source (roms/qboot, meson + ninja), twice:
#   OUT/qboot-bench.rom  with -DBENCHMARK_HACK=1: outb(0xf5, 1) first thing in
#                        main() (fw_start), outb(0xf4, 3) before the bzImage
#                        jump, outb(0xf4, 4) before the PVH jump (and 2 on
#                        0xf4 before a multiboot jump)
#   OUT/qboot-plain.rom  the same source without it, to check that our build
#                        is Debian's (compared with /usr/share/qemu/qboot.rom)
# Both with dpkg-buildflags' CFLAGS (-g -O2 ...), which Debian's package build
# has in its environment: meson's default (debug, -O0) gives an image about
# twice as slow, which would make qboot look worse than it is. With them the
# plain build is byte-identical to Debian's qboot.rom (checked on bookworm).
#   tests/bench/build-qboot.sh SRCDIR OBJDIR OUTDIR
# SRCDIR comes from qemu-source.sh; make decides when to rebuild (about 2 s).
set -euo pipefail

"$(dirname "$0")/../../scripts/install-packages.sh" meson ninja-build gcc binutils dpkg-dev

die() { echo "build-qboot: $*" >&2; exit 1; }

[ $# -eq 3 ] || { echo "usage: $0 SRCDIR OBJDIR OUTDIR" >&2; exit 2; }
src=${1%/}/roms/qboot
obj=${2%/}
out=${3%/}
[ -f "$src/meson.build" ] || die "$src/meson.build missing (run qemu-source.sh)"
mkdir -p "$out"

# build NAME C_ARGS: meson's c_args join the project's own (-m32, -ffreestanding ...).
build() {
	local d=$obj/$1
	rm -rf "$d"
	meson setup -Dc_args="$2" "$d" "$src" >"$obj/$1.log" 2>&1 ||
		{ tail -n 20 "$obj/$1.log" >&2; die "meson setup ($1) failed"; }
	ninja -C "$d" >>"$obj/$1.log" 2>&1 ||
		{ tail -n 20 "$obj/$1.log" >&2; die "ninja ($1) failed"; }
	cp "$d/bios.bin" "$out/qboot-$1.rom"
}
mkdir -p "$obj"
cflags=$(dpkg-buildflags --get CFLAGS)
build bench "$cflags -DBENCHMARK_HACK=1"
build plain "$cflags"
echo "build-qboot: $out/qboot-bench.rom ($(stat -c %s "$out/qboot-bench.rom") bytes)," \
	"$out/qboot-plain.rom ($(stat -c %s "$out/qboot-plain.rom") bytes)"
