#!/usr/bin/env bash
# Builds the kit's Linux kernel: Debian's linux-source with the trace-point
# series, tinyconfig plus kernel-patches/linux/bootkit.config:
#   scripts/build-kernel.sh SRCDIR OBJDIR OUTDIR
# Writes OUTDIR/bzImage, OUTDIR/vmlinux (PVH-bootable ELF), OUTDIR/System.map
# and OUTDIR/config. Incremental: the source is unpacked and patched once,
# the object tree OBJDIR is kept, and outputs are replaced only when they
# changed. Cold about 4 minutes on 2 cores; with nothing changed, seconds.
set -euo pipefail

die() { echo "build-kernel: $*" >&2; exit 1; }

[ $# -eq 3 ] || { echo "usage: $0 SRCDIR OBJDIR OUTDIR" >&2; exit 2; }
src=${1%/}
obj=${2%/}
out=${3%/}
here=$(cd "$(dirname "$0")" && pwd)
patches=$(cd "$here/../kernel-patches" && pwd)
fragment=$patches/linux/bootkit.config
jobs=${KERNEL_JOBS:-$(nproc)}

# `make -j kernel chain-test` could start two builds of one tree: the second
# waits for the first, then finds nothing to do.
mkdir -p "$obj"
exec 9>"$obj/.bootkit-lock"
flock 9

# What a tinyconfig x86_64 build runs: compiler, kconfig (flex, bison),
# objtool (libelf), bc for timeconst, xz for the compressed payload.
"$here/install-packages.sh" gcc make libc6-dev binutils bc flex bison \
	libelf-dev libssl-dev xz-utils patch perl

"$here/linux-source.sh" "$src"
"$here/kernel-config.sh" "$src" "$obj" "$fragment"

# The kernel's build must not see the calling make's flags or variables
# (e.g. BUILD=... from the command line); it gets its own -j. A fixed user
# and host name keep the build machine's out of the image.
echo "build-kernel: make -j$jobs bzImage in $obj"
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u MAKEOVERRIDES \
	KBUILD_BUILD_USER=bootkit KBUILD_BUILD_HOST=bootkit \
	make -s -C "$src" O="$(cd "$obj" && pwd)" ARCH=x86_64 -j"$jobs" bzImage ||
	die "kernel build failed"

# Checked on what was built, not on what was asked for.
"$here/check-kconfig.sh" "$obj/.config" "$fragment"
for f in arch/x86/boot/bzImage vmlinux System.map; do
	[ -s "$obj/$f" ] || die "the build left no $obj/$f"
done
# Note type 18 (XEN_ELFNOTE_PHYS32_ENTRY) is what makes vmlinux PVH-bootable.
readelf -n "$obj/vmlinux" | grep -Eq '^ *Xen .*(0x00000012|PHYS32_ENTRY)' ||
	die "$obj/vmlinux has no Xen PVH entry note (type 18)"

# Replace only what changed, through renames, so readers never see half a
# file and make sees no newer output when nothing changed.
mkdir -p "$out"
install_if_changed() {
	cmp -s "$1" "$2" && return 0
	cp "$1" "$2.tmp"
	mv "$2.tmp" "$2"
	echo "build-kernel: updated $2"
}
install_if_changed "$obj/System.map" "$out/System.map"
install_if_changed "$obj/.config" "$out/config"
install_if_changed "$obj/vmlinux" "$out/vmlinux"
install_if_changed "$obj/arch/x86/boot/bzImage" "$out/bzImage"
echo "build-kernel: $(cat "$obj/include/config/kernel.release") in $out"
