#!/usr/bin/env bash
# make demo: boot Debian's kernel with our bios.bin on pc, q35 and microvm
# (TCG), and show what the guest probe saw, the trace codes and QEMU's status.
#   tests/qemu/demo.sh BUILD [MACHINE...] ; FORMAT=pvh for the PVH vmlinux
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
shift || true
machines=("$@")
[ ${#machines[@]} -gt 0 ] || machines=(pc q35 microvm)
format=${FORMAT:-bzImage}
# shellcheck source=tests/lib.sh
. tests/lib.sh

demo_one() {
	local machine=$1 kernel append d
	kernel=$build/kernel-debian/vmlinuz
	[ "$format" = pvh ] && kernel=$build/kernel-debian/vmlinux
	append=$(cmdline_for "$machine" "console=ttyS0 quiet demo=hello")
	d=$build/demo/$machine-$format
	echo "demo: booting $(cat "$build/kernel-debian/VERSION" 2>/dev/null || echo Debian) $format on -M $machine with $build/bios.bin (TCG)"
	boot "$d" "$machine" 120 -m 512M -smp 2 -bios "$build/bios.bin" -kernel "$kernel" \
		-initrd "$build/guest/initramfs.cpio.gz" -append "$append"
	echo "--- what the guest saw (probe on the serial console) ---"
	grep '^PROBE' "$d/serial" | tr -d '\r' || echo "(no probe output: see $d/serial)"
	echo "--- trace codes ---"
	echo "port 0xf5: $(hexbytes "$d/t5")   (1 fw_start, 5 fw_do_boot)"
	echo "port 0xf4: $(hexbytes "$d/t4")   (3 bzImage jump / 4 PVH jump, 8 user-space probe)"
	[ -s "$d/debugcon" ] && echo "firmware said: $(cat "$d/debugcon")"
	echo "QEMU exit status: $(cat "$d/status") (0: the guest powered off), $(cat "$d/seconds") s"
	[ "$(cat "$d/status")" = 0 ] && grep -q '^PROBE done' "$d/serial"
}

rc=0
for m in "${machines[@]}"; do
	demo_one "$m" || rc=1
	echo
done
exit $rc
