#!/usr/bin/env bash
# CPUs and memory as the guest sees them: -smp 1..64 with ACPI (QEMU's MADT),
# microvm without ACPI (our MP table, sized for the CPU count), and -m from
# 128M to 6G (RAM above 4 GiB passed through from etc/e820). PVH boots: faster.
#   tests/qemu/smp-memory.sh BUILD
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
# shellcheck source=tests/lib.sh
. tests/lib.sh

out=$build/tests/qemu/smp-memory

# run NAME MACHINE CPUS MEM_MB [EXTRA-APPEND]
run() {
	local name=$1 machine=$2 cpus=$3 mem=$4 extra=${5:-} d got append
	d=$out/$name
	append=$(cmdline_for "$machine" "console=ttyS0 quiet${extra:+ $extra}")
	# 64 vCPUs under TCG on two host cores take about a minute to come up
	boot "$d" "$machine" 300 -m "${mem}M" -smp "$cpus" -no-reboot -bios "$build/bios.bin" \
		-kernel "$build/kernel-debian/vmlinux" -initrd "$build/guest/initramfs.cpio.gz" \
		-append "$append"
	[ "$(cat "$d/status")" = 0 ] && grep -q '^PROBE done' "$d/serial" &&
		ok "$name: booted to the probe in $(cat "$d/seconds") s" ||
		{ bad "$name: status $(cat "$d/status"), see $d/serial"; return; }
	got=$(probe "$d" cpus)
	[ "$got" = "$cpus" ] && ok "$name: guest sees $cpus CPUs" || bad "$name: guest sees '$got' CPUs, expected $cpus"
	got=$(probe "$d" e820_ram_kb)
	# all of -m less the legacy hole and the firmware's reservations (< 2 MiB)
	if [ "$got" -le $((mem * 1024)) ] && [ "$got" -gt $((mem * 1024 - 2048)) ]; then
		ok "$name: memory map has $got KiB of RAM for -m ${mem}M"
	else
		bad "$name: memory map has $got KiB of RAM, expected just under $((mem * 1024))"
	fi
	got=$(probe "$d" mem_total_kb)
	[ "$got" -gt $((mem * 1024 * 3 / 4 - 65536)) ] && ok "$name: MemTotal $got KiB" ||
		bad "$name: MemTotal only $got KiB for -m ${mem}M"
	[ ! -s "$d/debugcon" ] || bad "$name: firmware logged: $(cat "$d/debugcon")"
}

run pc-smp1 pc 1 512
run pc-smp4 pc 4 512
run q35-smp16 q35 16 512
run q35-smp64 q35 64 1024
run microvm-noacpi-smp4 microvm,acpi=off 4 512 reboot=t
run microvm-noacpi-smp64 microvm,acpi=off 64 1024 reboot=t
run pc-128M pc 1 128
run pc-3584M pc 2 3584
run pc-6G pc 2 6144
run q35-6G q35 2 6144
run microvm-6G microvm 2 6144
finish "$out/results.txt"
