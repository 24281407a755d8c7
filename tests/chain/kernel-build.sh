#!/usr/bin/env bash
# Checks the kit's kernel (make kernel): the series applies to Debian's
# linux-source without fuzz and is applied in the tree that was built, the
# outputs exist and are loadable (bzImage header, PVH note), the .config has
# every option of kernel-patches/linux/bootkit.config, and the trace points
# were compiled in: start_kernel and kernel_init each write their value to
# port 0xf4.
#   tests/chain/kernel-build.sh [BUILD]   (default build)
# Prints PASS/FAIL lines and "N passed, M failed".
set -euo pipefail
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"

build=${1:-build}
out=$build/kernel
src=$build/kernel-src
pkg=${KERNEL_SOURCE_PKG:-linux-source-6.1}
mapfile -t series < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$KP_DIR/linux/series")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
patches=("${series[@]/#/$KP_DIR/linux/}")
# The files the series creates or changes.
touched=$(sed -n 's|^+++ b/||p' "${patches[@]}" | sort -u)

# 1. The series against the pristine Debian source, fuzz not allowed: the
#    files it touches are taken from the package's tarball.
tarball=$(dpkg -L "$pkg" 2>/dev/null | grep -E '^/usr/src/linux-source-[^/]*\.tar\.xz$' | head -n 1 || true)
if [ -z "$tarball" ] || [ ! -f "$tarball" ]; then
	bad "$pkg is not installed (make kernel installs it)"
else
	top=$(basename "$tarball" .tar.xz)
	existing=()
	for f in $touched; do
		grep -q "^--- a/$f\$" "${patches[@]}" && existing+=("$top/$f")
	done
	mkdir -p "$tmp/$top"
	# Without names tar would unpack the whole tree.
	if [ ${#existing[@]} -eq 0 ] ||
		tar -xJf "$tarball" -C "$tmp" "${existing[@]}" 2>"$tmp/tar.err"; then
		for p in "${series[@]}"; do
			check "$p applies to $pkg $(dpkg-query -W -f='${Version}' "$pkg") with no fuzz" \
				patch -d "$tmp/$top" -p1 --fuzz=0 -s -i "$KP_DIR/linux/$p"
		done
	else
		bad "cannot take ${existing[*]} from $tarball: $(cat "$tmp/tar.err")"
	fi
fi

# 2. The built tree has exactly this series applied: the files it touches,
#    copied out, reverse cleanly.
if [ -d "$src" ]; then
	for f in $touched; do
		if [ -f "$src/$f" ]; then
			mkdir -p "$tmp/applied/$(dirname "$f")"
			cp "$src/$f" "$tmp/applied/$f"
		fi
	done
	for ((i = ${#series[@]} - 1; i >= 0; i--)); do
		check "${series[i]} is applied in $src" \
			patch -d "$tmp/applied" -p1 -R --fuzz=0 -s -i "$KP_DIR/linux/${series[i]}"
	done
else
	bad "$src does not exist (run make kernel)"
fi

# 3. Outputs.
for f in bzImage vmlinux System.map config; do
	check "$out/$f exists and is not empty" test -s "$out/$f"
done
# The setup header's "HdrS" magic at 0x202 marks a bzImage.
check "$out/bzImage has the boot protocol header" \
	test "$(dd if="$out/bzImage" bs=1 skip=514 count=4 2>/dev/null)" = HdrS
check "$out/vmlinux is an x86-64 ELF" \
	sh -c "readelf -h '$out/vmlinux' 2>/dev/null | grep -q 'Machine:.*X86-64'"
# Note type 18 = XEN_ELFNOTE_PHYS32_ENTRY: the PVH entry point.
check "$out/vmlinux has the PVH entry note (Xen note type 18)" \
	sh -c "readelf -n '$out/vmlinux' 2>/dev/null | grep -Eq '^ *Xen .*(0x00000012|PHYS32_ENTRY)'"

# 4. Configuration, option by option.
if [ -f "$out/config" ]; then
	while IFS= read -r line; do
		case $line in '' | '#'*) continue ;; esac
		check "config: $line" grep -qxF -- "$line" "$out/config"
	done <"$KP_DIR/linux/bootkit.config"
fi

# 5. The trace points in the machine code: FUNCTION writes VALUE to PORT,
#    i.e. an "out %al,$PORT" whose al was last loaded with VALUE (the
#    compiler may schedule the load a few instructions earlier).
point() {
	local fn=$1 value=$2 port=$3 dis loaded
	dis=$(objdump -d --no-show-raw-insn --disassemble="$fn" "$out/vmlinux" 2>/dev/null |
		grep -E '^ *[0-9a-f]+:' || true)
	if [ -z "$dis" ]; then
		bad "$fn not found in $out/vmlinux"
		return
	fi
	# shellcheck disable=SC2016 # the $ of "$0xf4" is literal
	loaded=$(awk -v port="$(printf '$0x%x' "$port")" '
		$2 == "mov" && $3 ~ /^\$0x[0-9a-f]+,%(al|eax)$/ { v = $3; sub(/,.*/, "", v); sub(/^\$/, "", v) }
		$2 == "out" && $3 == "%al," port { print (v == "" ? "none" : v); exit }
	' <<<"$dis")
	check "$fn writes to port $(printf '0x%x' "$port")" test -n "$loaded"
	check "$fn writes value $value there (al loaded with ${loaded:-nothing})" \
		test "$loaded" = "$(printf '0x%x' "$value")"
}
port=$(abi TRACE_PORT_LINUX)
if [ -s "$out/vmlinux" ]; then
	point start_kernel "$(abi TRACE_LINUX_START_KERNEL)" "$port"
	point kernel_init "$(abi TRACE_LINUX_START_USER)" "$port"
	# First statement: the out comes before start_kernel's first call.
	first=$(objdump -d --no-show-raw-insn --disassemble=start_kernel "$out/vmlinux" |
		grep -m1 -oE '(call|out) ' || true)
	check "start_kernel's port write comes before its first call" test "$first" = "out "
fi
check "System.map lists start_kernel" grep -qE ' [Tt] start_kernel$' "$out/System.map"

finish
