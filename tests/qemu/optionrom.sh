#!/usr/bin/env bash
# Debian's stock SeaBIOS with our option ROMs in place of QEMU's
# linuxboot_dma.bin / pvh.bin (found first through -L): the kernel boots to the
# probe and port 0xf4 sees our jump code (QEMU's own ROMs emit none) then the
# probe's. SeaBIOS itself emits nothing on 0xf5 unless patched.
#   tests/qemu/optionrom.sh BUILD
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
# shellcheck source=tests/lib.sh
. tests/lib.sh

out=$build/tests/qemu/optionrom
probe_code=$(hex2 "$(abi TRACE_USER_PROBE)")
for machine in pc q35; do
	for format in bzImage pvh; do
		name=$machine-$format
		kernel=$build/kernel-debian/vmlinuz jump=TRACE_LINUX_START_BOOT
		if [ "$format" = pvh ]; then
			kernel=$build/kernel-debian/vmlinux jump=TRACE_LINUX_START_PVHBOOT
		fi
		append="console=ttyS0 quiet rom.test=$name"
		boot "$out/$name" "$machine" 120 -m 512M -smp 2 -L "$build/optionrom" -L /usr/share/qemu \
			-kernel "$kernel" -initrd "$build/guest/initramfs.cpio.gz" -append "$append"
		d=$out/$name
		status=$(cat "$d/status")
		[ "$status" = 0 ] && ok "$name: SeaBIOS + our ROM booted to poweroff in $(cat "$d/seconds") s" ||
			bad "$name: QEMU status $status"
		want="$(hex2 "$(abi $jump)") $probe_code"
		[ "$(hexbytes "$d/t4")" = "$want" ] && ok "$name: 0xf4 saw $want" ||
			bad "$name: 0xf4 saw '$(hexbytes "$d/t4")', expected '$want'"
		[ "$(probe "$d" cmdline)" = "$append" ] && ok "$name: command line unchanged" ||
			bad "$name: command line '$(probe "$d" cmdline)'"
		[ "$(probe "$d" cpus)" = 2 ] && ok "$name: 2 CPUs" || bad "$name: '$(probe "$d" cpus)' CPUs"
		[ "$(probe "$d" acpi)" = yes ] && ok "$name: ACPI found (RSDP from SeaBIOS)" || bad "$name: no ACPI"
		grep -aq 'Booting from ROM' "$d/debugcon" && ok "$name: SeaBIOS booted the ROM" ||
			bad "$name: SeaBIOS log has no 'Booting from ROM'"
	done
done
finish "$out/results.txt"
