#!/usr/bin/env bash
# Real devices and unusual set-ups, as the guest sees them: virtio-blk disks
# (the probe reads a marker from sector 1 of each), virtio-net (its MAC),
# devices behind pcie-root-ports on q35, -device vmgenid (a WRITE_POINTER in
# the ACPI loader script), setup_data from -dtb, fw_cfg without DMA, and a
# 100 MiB initrd. Uses the kit's kernel (make kernel: virtio built in).
#   tests/qemu/devices.sh BUILD
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
# shellcheck source=tests/lib.sh
. tests/lib.sh

out=$build/tests/qemu/devices
mkdir -p "$out"
for i in 0 1; do
	rm -f "$out/disk$i.img"
	truncate -s 8M "$out/disk$i.img"
	printf 'BOOTKIT-DISK-%d..' "$i" | dd of="$out/disk$i.img" bs=1 seek=512 conv=notrunc status=none
done

# check NAME: the probe's disks and network interface against what was attached
check_devices() {
	local name=$1 d=$out/$1
	[ "$(cat "$d/status")" = 0 ] && grep -q '^PROBE done' "$d/serial" &&
		ok "$name: booted to the probe" || { bad "$name: status $(cat "$d/status"), see $d/serial"; return; }
	for i in 0 1; do
		tr -d '\r' <"$d/serial" | grep -q "^PROBE disk=vd.:16384:BOOTKIT-DISK-$i\.\.$" &&
			ok "$name: virtio disk $i read (sector 1 marker)" || bad "$name: virtio disk $i not seen"
	done
	grep -q '^PROBE net=eth0:52:54:00:12:34:99' "$d/serial" && ok "$name: virtio-net with its MAC" ||
		bad "$name: no virtio-net eth0 52:54:00:12:34:99"
	# every BAR placed by the firmware: the kernel had none left to assign
	local assigned
	assigned=$(probe "$d" pci_kernel_assigned)
	[[ $assigned == bars:0,* ]] && ok "$name: the kernel kept every BAR the firmware assigned ($assigned)" ||
		bad "$name: the kernel assigned BARs itself: '$assigned'"
	[ ! -s "$d/debugcon" ] || bad "$name: firmware logged: $(cat "$d/debugcon")"
}

disks=(-drive "file=$out/disk0.img,if=none,id=d0,format=raw"
	-drive "file=$out/disk1.img,if=none,id=d1,format=raw" -netdev user,id=n0)
for format in bzImage pvh; do
	kernel=$build/kernel/bzImage
	[ "$format" = pvh ] && kernel=$build/kernel/vmlinux
	boot "$out/pc-$format" pc 120 -m 512M -bios "$build/bios.bin" -kernel "$kernel" \
		-initrd "$build/guest/initramfs.cpio.gz" -append console=ttyS0 "${disks[@]}" \
		-device virtio-blk-pci,drive=d0 -device virtio-blk-pci,drive=d1 \
		-device virtio-net-pci,netdev=n0,mac=52:54:00:12:34:99 -device vmgenid
	check_devices "pc-$format"
	# on q35 each device sits behind its own PCIe root port (bus numbering, swizzle)
	boot "$out/q35-$format" q35 120 -m 512M -bios "$build/bios.bin" -kernel "$kernel" \
		-initrd "$build/guest/initramfs.cpio.gz" -append console=ttyS0 "${disks[@]}" \
		-device pcie-root-port,id=rp1,bus=pcie.0,chassis=1 \
		-device pcie-root-port,id=rp2,bus=pcie.0,chassis=2 \
		-device pcie-root-port,id=rp3,bus=pcie.0,chassis=3 \
		-device virtio-blk-pci,drive=d0,bus=rp1 -device virtio-blk-pci,drive=d1,bus=rp2 \
		-device virtio-net-pci,netdev=n0,mac=52:54:00:12:34:99,bus=rp3 -device vmgenid
	check_devices "q35-$format"
done

# setup_data: QEMU chains -dtb into the kernel image; an empty flattened device
# tree (header, empty reserve map, root node, FDT_END) is enough.
printf '\xd0\x0d\xfe\xed\x00\x00\x00\x48\x00\x00\x00\x38\x00\x00\x00\x48\x00\x00\x00\x28\x00\x00\x00\x11\x00\x00\x00\x10\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x10' >"$out/empty.dtb"
head -c 16 /dev/zero >>"$out/empty.dtb"
printf '\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x02\x00\x00\x00\x09' >>"$out/empty.dtb"
boot "$out/setup-data" pc 120 -m 512M -bios "$build/bios.bin" -kernel "$build/kernel-debian/vmlinuz" \
	-initrd "$build/guest/initramfs.cpio.gz" -append "console=ttyS0 quiet" -dtb "$out/empty.dtb"
got=$(probe "$out/setup-data" setup_data)
[ "$got" = 0x2 ] && ok "setup-data: the kernel got the SETUP_DTB node (type $got)" ||
	bad "setup-data: setup_data '$got', expected 0x2 (status $(cat "$out/setup-data/status"))"

# fw_cfg without DMA: everything through the data port, a byte at a time
for m in pc q35; do
	boot "$out/pio-$m" "$m" 300 -m 512M -bios "$build/bios.bin" -global fw_cfg_io.dma_enabled=off \
		-kernel "$build/kernel-debian/vmlinux" -initrd "$build/guest/initramfs.cpio.gz" \
		-append "console=ttyS0 quiet pio=1"
	[ "$(cat "$out/pio-$m/status")" = 0 ] && [ "$(probe "$out/pio-$m" cmdline)" = "console=ttyS0 quiet pio=1" ] &&
		ok "pio-$m: booted without fw_cfg DMA in $(cat "$out/pio-$m/seconds") s" ||
		bad "pio-$m: status $(cat "$out/pio-$m/status"), cmdline '$(probe "$out/pio-$m" cmdline)'"
done

# A 100 MiB initrd: the probe's archive, then zeros (the kernel skips NUL padding)
cp "$build/guest/initramfs.cpio.gz" "$out/big-initrd.img"
head -c $((100 << 20)) /dev/zero >>"$out/big-initrd.img"
boot "$out/big-initrd" pc 300 -m 1G -bios "$build/bios.bin" -kernel "$build/kernel-debian/vmlinuz" \
	-initrd "$out/big-initrd.img" -append "console=ttyS0 quiet"
[ "$(cat "$out/big-initrd/status")" = 0 ] && [ "$(probe "$out/big-initrd" initrd)" = yes ] &&
	ok "big-initrd: 100 MiB initrd loaded, probe ran from it" ||
	bad "big-initrd: status $(cat "$out/big-initrd/status"), see $out/big-initrd/serial"
# ... and one that only fits above 4 GiB: 128 MiB of RAM below, 896 MiB above
boot "$out/big-initrd-high" pc,max-ram-below-4g=128M 300 -m 1G -bios "$build/bios.bin" \
	-kernel "$build/kernel-debian/vmlinuz" -initrd "$out/big-initrd.img" -append "console=ttyS0 quiet"
addr=$(probe "$out/big-initrd-high" initrd_addr)
[ "$(cat "$out/big-initrd-high/status")" = 0 ] && [ "$(probe "$out/big-initrd-high" initrd)" = yes ] &&
	[[ $addr =~ ^0x[0-9a-f]+$ ]] && [ $((addr)) -ge $((1 << 32)) ] &&
	ok "big-initrd-high: loaded above 4 GiB at $addr, probe ran from it" ||
	bad "big-initrd-high: status $(cat "$out/big-initrd-high/status"), initrd_addr '$addr', see $out/big-initrd-high/serial"
rm -f "$out/big-initrd.img"
finish "$out/results.txt"
