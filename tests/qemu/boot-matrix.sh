#!/usr/bin/env bash
# Boots Debian's kernel with our firmware on pc, q35 and microvm, as bzImage and
# as PVH vmlinux, with the probe initramfs; asserts on what the guest saw and on
# the trace codes of the whole run (ports 0xf4/0xf5 captured with isa-debugcon).
#   tests/qemu/boot-matrix.sh BUILD
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
# shellcheck source=tests/lib.sh
. tests/lib.sh

out=$build/tests/qemu/matrix
bios=$build/bios.bin
initrd=$build/guest/initramfs.cpio.gz
smp=2
mem_mb=512
fw=$(hex2 "$(abi TRACE_FW_START)" "$(abi TRACE_FW_DO_BOOT)")
probe_code=$(hex2 "$(abi TRACE_USER_PROBE)")

for machine in pc q35 microvm; do
	for format in bzImage pvh; do
		name=$machine-$format
		kernel=$build/kernel-debian/vmlinuz jump=TRACE_LINUX_START_BOOT
		if [ "$format" = pvh ]; then
			kernel=$build/kernel-debian/vmlinux jump=TRACE_LINUX_START_PVHBOOT
		fi
		# An unusual argument shows the command line arrives byte for byte.
		append=$(cmdline_for "$machine" "console=ttyS0 quiet bootkit.test=$name,x=\"a b\"")
		# SMBIOS: pc keeps QEMU's 2.x entry point, q35 asks for 3.x; microvm has none
		mopts=$machine smbios=2
		[ "$machine" = q35 ] && mopts=q35,smbios-entry-point-type=64 smbios=3
		[ "$machine" = microvm ] && smbios=-1
		boot "$out/$name" "$mopts" 120 -m "${mem_mb}M" -smp "$smp" -bios "$bios" \
			-kernel "$kernel" -initrd "$initrd" -append "$append"
		d=$out/$name
		status=$(cat "$d/status")
		[ "$status" = 0 ] && ok "$name: QEMU powered off (status 0) in $(cat "$d/seconds") s" ||
			bad "$name: QEMU status $status (stderr: $(head -c 300 "$d/stderr"))"
		[ "$(probe "$d" done)" = "" ] && grep -q '^PROBE done' "$d/serial" &&
			ok "$name: probe ran" || bad "$name: probe did not finish (see $d/serial)"
		got=$(probe "$d" cmdline)
		[ "$got" = "$append" ] && ok "$name: command line unchanged" ||
			bad "$name: command line '$got', expected '$append'"
		got=$(probe "$d" cpus)
		[ "$got" = "$smp" ] && ok "$name: guest sees $smp CPUs" || bad "$name: guest sees '$got' CPUs, expected $smp"
		got=$(probe "$d" e820_ram_kb)
		# -m 512M less the legacy hole, the ACPI area and QEMU's reservations.
		if [ -n "$got" ] && [ "$got" -gt $((mem_mb * 1024 - 2048)) ] && [ "$got" -le $((mem_mb * 1024)) ]; then
			ok "$name: firmware memory map has $got KiB of RAM"
		else
			bad "$name: firmware memory map RAM '$got' KiB, expected about $((mem_mb * 1024))"
		fi
		[ "$(probe "$d" initrd)" = yes ] && ok "$name: initrd present" || bad "$name: initrd missing"
		[ "$(probe "$d" acpi)" = yes ] && ok "$name: ACPI tables present" || bad "$name: no ACPI tables"
		expect_pci=4
		[ "$machine" = microvm ] && expect_pci=0
		got=$(probe "$d" pci_devices)
		[ "$got" = "$expect_pci" ] && ok "$name: $got PCI functions" || bad "$name: $got PCI functions, expected $expect_pci"
		got=$(probe "$d" smbios)
		[ "$got" = "$smbios" ] && ok "$name: SMBIOS entry point version $got found by the kernel" ||
			bad "$name: SMBIOS '$got', expected $smbios"
		if [ "$smbios" != -1 ]; then
			[ "$(probe "$d" dmi_vendor)" = QEMU ] && ok "$name: DMI vendor QEMU" ||
				bad "$name: DMI vendor '$(probe "$d" dmi_vendor)'"
		fi
		[ "$(hexbytes "$d/t5")" = "$fw" ] && ok "$name: 0xf5 saw $fw" || bad "$name: 0xf5 saw '$(hexbytes "$d/t5")', expected '$fw'"
		want="$(hex2 "$(abi $jump)") $probe_code"
		[ "$(hexbytes "$d/t4")" = "$want" ] && ok "$name: 0xf4 saw $want" || bad "$name: 0xf4 saw '$(hexbytes "$d/t4")', expected '$want'"
		[ ! -s "$d/debugcon" ] && ok "$name: firmware logged nothing" || bad "$name: firmware logged: $(cat "$d/debugcon")"
	done
done
finish "$out/results.txt"
