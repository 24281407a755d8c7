#!/usr/bin/env bash
# What each optional firmware feature costs: device accesses from reset to
# the kernel's first instruction (access-count, deterministic under TCG) and
# image bytes, with the feature built in and compiled out (firmware/fw_features.h,
# FW_CFLAGS_EXTRA=-DFW_NO_...), on the machines where it does work:
#   PCI BAR assignment  pc, q35: chipset only (-nodefaults) and with devices
#   SMBIOS              pc, q35
#   MP table            microvm,acpi=off with 4 and 64 CPUs (only built without ACPI)
# Writes BUILD/bench/feature-cost.{txt,md}.
#   tests/bench/feature-cost.sh BUILD
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
# shellcheck source=tests/lib.sh
. tests/lib.sh
qemu=$QEMU
counter=$build/host/access-count
out=$build/bench
kernel=$build/kernel-debian/vmlinuz
initrd=$build/guest/initramfs.cpio.gz
mkdir -p "$out/feature-runs"
for f in "$counter" "$build/bios.bin" "$kernel" "$initrd"; do
	[ -e "$f" ] || { echo "feature-cost: $f missing (make bench builds it)" >&2; exit 1; }
done

# variant NAME DEFINE: bios.bin with one feature compiled out, in its own tree
variant() {
	local dir=$out/variant-$1
	make -s BUILD="$dir" FW_CFLAGS_EXTRA="-D$2" "$dir/bios.bin" >"$out/feature-runs/build-$1.log" 2>&1 ||
		{ echo "feature-cost: building without $1 failed, see $out/feature-runs/build-$1.log" >&2; exit 1; }
	echo "$dir/bios.bin"
}
# used DIR: bytes of code and data plus the init block and reset vector, from bios.elf
used() {
	local end init16
	end=$(nm "$1/bios.elf" | awk '$3 == "_end_of_code" { print $1 }')
	init16=$(size -A "$1/bios.elf" | awk '$1 == ".init16" { print $2 }')
	echo $((16#$end - 0xffff0000 + init16 + 16))
}

# count FIRMWARE MACHINE QEMU-ARGS...: device accesses to the kernel's entry
count() {
	local fw=$1 machine=$2 log
	shift 2
	log=$out/feature-runs/$(basename "$(dirname "$fw")")-${machine%%,*}-$RANDOM
	if "$counter" --timeout 60 -- "$qemu" -M "$machine" -m 512M -nodefaults -no-user-config \
		-display none -accel tcg -bios "$fw" -kernel "$kernel" -initrd "$initrd" \
		-append "$(cmdline_for "$machine" console=ttyS0)" "$@" >"$log.out" 2>"$log.err"; then
		sed -n '1s/.*accesses=\([0-9]*\).*/\1/p' "$log.out"
	else
		echo "failed($log.err)"
	fi
}

no_bars=$(variant no-pci-bars FW_NO_PCI_BARS)
no_smbios=$(variant no-smbios FW_NO_SMBIOS)
no_mp=$(variant no-mptable FW_NO_MPTABLE)
full=$build/bios.bin

disks=(-drive "file=$out/feature-runs/disk.img,if=none,id=d0,format=raw" -netdev user,id=n0)
truncate -s 1M "$out/feature-runs/disk.img"
pc_dev=(-device virtio-blk-pci,drive=d0 -device virtio-net-pci,netdev=n0)
q35_dev=(-device pcie-root-port,id=rp1,bus=pcie.0,chassis=1 -device virtio-blk-pci,drive=d0,bus=rp1
	-device pcie-root-port,id=rp2,bus=pcie.0,chassis=2 -device virtio-net-pci,netdev=n0,bus=rp2)

rows=()
# row FEATURE WHERE WITHOUT-FW MACHINE QEMU-ARGS...
row() {
	local feature=$1 where=$2 without=$3 machine=$4 a b
	shift 4
	a=$(count "$full" "$machine" "$@")
	b=$(count "$without" "$machine" "$@")
	local cost=n/a
	[[ $a =~ ^[0-9]+$ && $b =~ ^[0-9]+$ ]] && cost=$((a - b))
	rows+=("$feature|$where|$a|$b|$cost")
}
row "PCI BAR assignment" "pc, -nodefaults (PIIX3 IDE BAR4)" "$no_bars" pc
row "PCI BAR assignment" "pc + virtio-blk + virtio-net" "$no_bars" pc "${disks[@]}" "${pc_dev[@]}"
row "PCI BAR assignment" "q35, -nodefaults (AHCI, SMBus)" "$no_bars" q35
row "PCI BAR assignment" "q35 + 2 root ports + virtio-blk + virtio-net" "$no_bars" q35 "${disks[@]}" "${q35_dev[@]}"
row "SMBIOS" "pc" "$no_smbios" pc
row "SMBIOS" "q35" "$no_smbios" q35
row "MP table" "microvm,acpi=off -smp 4" "$no_mp" microvm,acpi=off -smp 4 -no-reboot
row "MP table" "microvm,acpi=off -smp 64" "$no_mp" microvm,acpi=off -smp 64 -no-reboot

full_used=$(used "$build")
bytes() { echo $((full_used - $(used "$(dirname "$1")"))); }
bytes_bars=$(bytes "$no_bars") bytes_smbios=$(bytes "$no_smbios") bytes_mp=$(bytes "$no_mp")

{
	echo "| feature | machine and devices | accesses with | without | cost |"
	echo "|---|---|---:|---:|---:|"
	for r in "${rows[@]}"; do echo "| ${r//|/ | } |"; done
	echo
	echo "Image bytes each feature adds (used bytes of bios.bin, $full_used in all): PCI BAR"
	echo "assignment $bytes_bars, SMBIOS $bytes_smbios, MP table $bytes_mp."
	echo
	echo "Counted with build/host/access-count (QEMU trace events, TCG, -m 512M, Debian kernel"
	echo "bzImage), the feature compiled out with FW_CFLAGS_EXTRA=-DFW_NO_PCI_BARS, -DFW_NO_SMBIOS,"
	echo "-DFW_NO_MPTABLE (firmware/fw_features.h). Without BAR assignment Linux assigns the BARs itself;"
	echo "without the MP table a guest without ACPI sees one CPU."
} >"$out/feature-cost.md"
{
	printf '%-20s %-46s %6s %8s %5s\n' feature where with without cost
	for r in "${rows[@]}"; do
		IFS='|' read -r f w a b c <<<"$r"
		printf '%-20s %-46s %6s %8s %5s\n' "$f" "$w" "$a" "$b" "$c"
	done
	echo "image bytes: PCI BAR assignment $bytes_bars, SMBIOS $bytes_smbios, MP table $bytes_mp (of $full_used)"
} >"$out/feature-cost.txt"
cat "$out/feature-cost.txt"
for r in "${rows[@]}"; do [[ $r != *failed* ]] || { echo "feature-cost: a run failed" >&2; exit 1; }; done
