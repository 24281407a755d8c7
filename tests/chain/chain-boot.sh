#!/usr/bin/env bash
# Boots the whole instrumented chain under TCG and checks the trace bytes on
# ports 0xf4 and 0xf5 and the probe's report on the serial console:
#   tests/chain/chain-boot.sh [BUILD]   (default build)
#   kit firmware + patched bzImage:   0xf5: 01 05   0xf4: 03 06 07 08
#   kit firmware + patched vmlinux:   0xf5: 01 05   0xf4: 04 06 07 08 (PVH)
#   patched SeaBIOS + patched bzImage: 0xf5: 01 05  0xf4: 06 07 08
#     (QEMU's linuxboot option ROM does the loading and writes no point)
#   patched SeaBIOS + Debian's vmlinuz (if fetched): 0xf5: 01 05 0xf4: 08
#   stock SeaBIOS + our option ROMs:   0xf5: (none)  0xf4: 03|04 06 07 08
#   patched SeaBIOS + our option ROMs: 0xf5: 01 05   0xf4: 03|04 06 07 08
#     (-L BUILD/optionrom -L /usr/share/qemu: ours replace linuxboot_dma.bin/pvh.bin)
# Every boot must end by itself (the probe powers off). Logs are kept in
# BUILD/tests/chain/<case>/. Prints PASS/FAIL lines and "N passed, M failed".
set -euo pipefail
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"

build=${1:-build}
logs=$build/tests/chain
initrd=$build/guest/initramfs.cpio.gz
limit=${CHAIN_BOOT_TIMEOUT:-120}

fw_start=$(abi TRACE_FW_START)
fw_do_boot=$(abi TRACE_FW_DO_BOOT)
boot_jump=$(abi TRACE_LINUX_START_BOOT)
pvh_jump=$(abi TRACE_LINUX_START_PVHBOOT)
k_start=$(abi TRACE_LINUX_START_KERNEL)
k_user=$(abi TRACE_LINUX_START_USER)
probe=$(abi TRACE_USER_PROBE)

# one NAME BIOS KERNEL WANT_F5 WANT_F4 [EXTRA-APPEND]; more QEMU arguments in
# the array qemu_extra
qemu_extra=()
one() {
	local name=$1 bios=$2 kernel=$3 want5=$4 want4=$5 append="console=ttyS0 ${6:-}"
	local dir=$logs/$name got5 got4 status
	for f in "$bios" "$kernel" "$initrd"; do
		if [ ! -s "$f" ]; then
			bad "$name: $f missing"
			return
		fi
	done
	boot "$dir" pc "$limit" -m 512M -bios "$bios" -kernel "$kernel" -initrd "$initrd" \
		-append "${append% }" "${qemu_extra[@]}"
	status=$(cat "$dir/status")
	got5=$(hexbytes "$dir/t5")
	got4=$(hexbytes "$dir/t4")
	check "$name: QEMU ended by itself (status $status, 124 means timeout)" test "$status" -eq 0
	check "$name: 0xf5 saw '$got5', want '$want5'" test "$got5" = "$want5"
	check "$name: 0xf4 saw '$got4', want '$want4'" test "$got4" = "$want4"
	check "$name: the probe reported on the console" grep -q '^PROBE ' "$dir/serial"
}

kit=$build/bios.bin
seabios=$build/seabios/bios.bin
one kit-bzimage "$kit" "$build/kernel/bzImage" \
	"$(hex2 "$fw_start" "$fw_do_boot")" "$(hex2 "$boot_jump" "$k_start" "$k_user" "$probe")"
one kit-pvh "$kit" "$build/kernel/vmlinux" \
	"$(hex2 "$fw_start" "$fw_do_boot")" "$(hex2 "$pvh_jump" "$k_start" "$k_user" "$probe")"
one seabios-bzimage "$seabios" "$build/kernel/bzImage" \
	"$(hex2 "$fw_start" "$fw_do_boot")" "$(hex2 "$k_start" "$k_user" "$probe")"
if [ -s "$build/kernel-debian/vmlinuz" ]; then
	one seabios-debian "$seabios" "$build/kernel-debian/vmlinuz" \
		"$(hex2 "$fw_start" "$fw_do_boot")" "$(hex2 "$probe")" quiet
else
	echo "SKIP: seabios-debian: no $build/kernel-debian/vmlinuz (make debian-kernel)"
fi

# Our option ROMs in front of QEMU's, under stock and under patched SeaBIOS.
qemu_extra=(-L "$build/optionrom" -L /usr/share/qemu)
stock=/usr/share/seabios/bios-256k.bin # Debian package seabios
one stock-rom-bzimage "$stock" "$build/kernel/bzImage" \
	"" "$(hex2 "$boot_jump" "$k_start" "$k_user" "$probe")"
one stock-rom-pvh "$stock" "$build/kernel/vmlinux" \
	"" "$(hex2 "$pvh_jump" "$k_start" "$k_user" "$probe")"
one seabios-rom-bzimage "$seabios" "$build/kernel/bzImage" \
	"$(hex2 "$fw_start" "$fw_do_boot")" "$(hex2 "$boot_jump" "$k_start" "$k_user" "$probe")"
one seabios-rom-pvh "$seabios" "$build/kernel/vmlinux" \
	"$(hex2 "$fw_start" "$fw_do_boot")" "$(hex2 "$pvh_jump" "$k_start" "$k_user" "$probe")"
qemu_extra=()

finish
