#!/usr/bin/env bash
# PCI resources as the guest kernel finds them: BARs behind a PCI-to-PCI
# bridge on pc (windows over CF8/CFC), a 64-bit prefetchable BAR that fits
# below 4 GiB and one that does not (q35: moved above 4 GiB, with the
# bridge's 64-bit window), and a control run with qboot.rom, which assigns
# nothing, so the probe's count is seen to catch a firmware that does not.
# Uses the kit's kernel (make kernel: virtio built in).
#   tests/qemu/pci.sh BUILD
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
# shellcheck source=tests/lib.sh
. tests/lib.sh

out=$build/tests/qemu/pci
kernel=$build/kernel/bzImage
mkdir -p "$out"
rm -f "$out/disk.img"
truncate -s 8M "$out/disk.img"
printf 'BOOTKIT-PCI-DISK' | dd of="$out/disk.img" bs=1 seek=512 conv=notrunc status=none
common=(-m 512M -kernel "$kernel" -initrd "$build/guest/initramfs.cpio.gz" -append console=ttyS0
	-drive "file=$out/disk.img,if=none,id=d0,format=raw" -netdev user,id=n0)

# expect NAME KEY VALUE-PATTERN WHAT: one probe fact against a glob
expect() {
	local got
	got=$(probe "$out/$1" "$2")
	# shellcheck disable=SC2053
	[[ $got == $3 ]] && ok "$1: $4 ($2=$got)" || bad "$1: $4: $2='$got' (status $(cat "$out/$1/status"), see $out/$1/serial)"
}
booted() {
	[ "$(cat "$out/$1/status")" = 0 ] && grep -q '^PROBE done' "$out/$1/serial" &&
		ok "$1: booted to the probe" || bad "$1: status $(cat "$out/$1/status"), see $out/$1/serial"
	[ ! -s "$out/$1/debugcon" ] || bad "$1: firmware logged: $(cat "$out/$1/debugcon")"
}

# pc: a virtio-net behind a pci-bridge (slot 1 of bus 1), a disk on bus 0
boot "$out/pc-bridge" pc 120 -bios "$build/bios.bin" "${common[@]}" \
	-device pci-bridge,id=br1,chassis_nr=1 \
	-device virtio-net-pci,netdev=n0,mac=52:54:00:12:34:77,bus=br1,addr=1 \
	-device virtio-blk-pci,drive=d0
booted pc-bridge
expect pc-bridge net eth0:52:54:00:12:34:77 "virtio-net behind the bridge works"
expect pc-bridge disk "vd?:16384:BOOTKIT-PCI-DISK" "virtio-blk on bus 0 read"
expect pc-bridge pci_kernel_assigned "bars:0,*" "no BAR left for the kernel"
expect pc-bridge pci_resources "*,above_4g:0" "everything fits below 4 GiB"

# q35: a 256 MiB 64-bit prefetchable BAR (ivshmem) fits in the 1 GiB window
boot "$out/q35-fits" q35 120 -bios "$build/bios.bin" "${common[@]}" \
	-object memory-backend-ram,id=shm,size=256M -device ivshmem-plain,memdev=shm \
	-device virtio-blk-pci,drive=d0
booted q35-fits
expect q35-fits pci_kernel_assigned "bars:0,*" "no BAR left for the kernel"
expect q35-fits pci_resources "*,above_4g:0" "the 256 MiB BAR stays below 4 GiB"
expect q35-fits disk "vd?:16384:BOOTKIT-PCI-DISK" "virtio-blk read"

# q35: 1 GiB does not fit below (the window is 0xc0000000-0xfec00000), so the
# 64-bit prefetchable BARs go above 4 GiB, the one behind a root port too
boot "$out/q35-high" q35 120 -bios "$build/bios.bin" "${common[@]}" \
	-object memory-backend-ram,id=shm,size=1G -device ivshmem-plain,memdev=shm \
	-device pcie-root-port,id=rp1,bus=pcie.0,chassis=1 \
	-device virtio-net-pci,netdev=n0,mac=52:54:00:12:34:78,bus=rp1 \
	-device virtio-blk-pci,drive=d0
booted q35-high
expect q35-high pci_kernel_assigned "bars:0,*" "no BAR left for the kernel"
# every 64-bit prefetchable BAR moves (ivshmem BAR2, both virtio BAR4s) and
# the root port's prefetchable window with them
expect q35-high pci_resources "*,above_4g:4" "the 64-bit BARs and the bridge window above 4 GiB"
expect q35-high net eth0:52:54:00:12:34:78 "virtio-net behind the root port works from above 4 GiB"
expect q35-high disk "vd?:16384:BOOTKIT-PCI-DISK" "virtio-blk read"

# Control: qboot assigns no BARs, so the kernel must (the check can fail)
qboot=/usr/share/qemu/qboot.rom
if [ -e "$qboot" ]; then
	boot "$out/qboot-control" pc 120 -bios "$qboot" "${common[@]}" -device virtio-net-pci,netdev=n0
	expect qboot-control pci_kernel_assigned "bars:[1-9]*" "control: the kernel placed qboot's BARs"
else
	bad "control: $qboot missing (package qemu-system-data)"
fi
finish "$out/results.txt"
