#!/usr/bin/env bash
# The firmware on bad input: one clear line on the debug console and COM1, the
# documented error code on the trace ports (isa-debug-exit turns it into QEMU's
# exit status), within seconds, on every board.
#   tests/qemu/bad-input.sh BUILD
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
# shellcheck source=tests/lib.sh
. tests/lib.sh

out=$build/tests/qemu/bad-input
mkdir -p "$out"
head -c 200000 /dev/urandom >"$out/random.bin"
# First byte 0x7f would make it an ELF; keep it plainly random otherwise.
printf 'X' | dd of="$out/random.bin" conv=notrunc status=none

# case NAME MACHINE ERROR-NAME MESSAGE-REGEX QEMU-ARGS...
case_() {
	local name=$1 machine=$2 err=$3 regex=$4 code status d want
	shift 4
	code=$(abi "$err")
	[ -n "$code" ] || { bad "$name/$machine: $err not found in $ABI_HEADER"; return; }
	# the line's head: value in hex, the error's id, QEMU's exit status
	want="fatal error $(printf '0x%x' "$code") [a-z0-9_]+ \(exit status $(((code << 1) | 1))\): "
	d=$out/$name-${machine%%,*} # no commas: the path goes into -chardev
	boot "$d" "$machine" 20 -m 256M -bios "$build/bios.bin" \
		-device isa-debug-exit,iobase=0xf4,iosize=1 "$@"
	status=$(cat "$d/status")
	[ "$status" = $(((code << 1) | 1)) ] && ok "$name/$machine: exit status $status ($err) in $(cat "$d/seconds") s" ||
		bad "$name/$machine: exit status $status, expected $(((code << 1) | 1)) ($err); stderr: $(head -c 300 "$d/stderr")"
	if [ "$(wc -l <"$d/debugcon")" = 1 ] && grep -Eq "^bios.bin: $want.*$regex" "$d/debugcon"; then
		ok "$name/$machine: logged '$(cat "$d/debugcon")'"
	else
		bad "$name/$machine: debug console has '$(cat "$d/debugcon")', expected one line matching '$regex'"
	fi
	grep -Eq "$want.*$regex" "$d/serial" && ok "$name/$machine: same line on COM1" ||
		bad "$name/$machine: COM1 has '$(cat "$d/serial")'"
}

# Debian's bzImage cut short, and with its boot protocol version set to 2.09
kernel=$build/kernel-debian/vmlinuz
head -c 3000000 "$kernel" >"$out/truncated.bin"
cp "$kernel" "$out/old-protocol.bin"
printf '\x09\x02' | dd of="$out/old-protocol.bin" bs=1 seek=$((0x206)) conv=notrunc status=none

for m in pc q35 microvm; do
	case_ no-kernel "$m" TRACE_ERR_NO_KERNEL 'no kernel: start QEMU with -kernel'
	case_ random-kernel "$m" TRACE_ERR_NOT_A_KERNEL 'neither a Linux bzImage' -kernel "$out/random.bin"
	case_ truncated "$m" TRACE_ERR_TRUNCATED 'truncated bzImage: 2979520 bytes of kernel' \
		-kernel "$out/truncated.bin"
	case_ old-protocol "$m" TRACE_ERR_OLD_PROTOCOL 'boot protocol 2.09 is too old' \
		-kernel "$out/old-protocol.bin"
done
# -m 48M: the bzImage unpacks to about 64 MiB from 16 MiB up; -m 40M: the
# PVH image QEMU loaded reaches into the ACPI tables at the top of RAM.
case_ no-room-bzimage pc TRACE_ERR_NO_MEMORY 'do not fit below' -kernel "$kernel" -m 48M
case_ no-room-pvh q35 TRACE_ERR_NO_MEMORY 'under the ACPI tables' \
	-kernel "$build/kernel-debian/vmlinux" -m 40M
# A 100 MiB initrd with 128 MiB of RAM below 4 GiB and 896 MiB above: a
# bzImage takes it above 4 GiB (tests/qemu/devices.sh), but not without fw_cfg
# DMA (port I/O writes 32-bit addresses only), nor a PVH kernel (Linux 6.1
# reads only the low half of hvm_start_info's module address).
cp "$build/guest/initramfs.cpio.gz" "$out/big-initrd.img"
head -c $((100 << 20)) /dev/zero >>"$out/big-initrd.img"
low128=pc,max-ram-below-4g=128M
case_ initrd-high-pio "$low128" TRACE_ERR_NO_MEMORY 'initrd \(10[0-9]+ bytes\) do not fit below' \
	-m 1G -global fw_cfg_io.dma_enabled=off -kernel "$kernel" -initrd "$out/big-initrd.img"
case_ initrd-high-pvh "$low128" TRACE_ERR_NO_MEMORY 'initrd \(10[0-9]+ bytes\) does not fit between' \
	-m 1G -kernel "$build/kernel-debian/vmlinux" -initrd "$out/big-initrd.img"
rm -f "$out/big-initrd.img"
finish "$out/results.txt"
