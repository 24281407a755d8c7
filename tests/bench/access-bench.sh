#!/usr/bin/env bash
# Guest device accesses (port and MMIO, each a VM exit under KVM) from reset to
# the kernel's first instruction, for our bios.bin and Debian's qboot.rom on the
# same kernel, per board and kernel format; plus both images' used bytes.
# Writes BUILD/bench/access.{txt,md,json}. Targets are reported, not enforced:
# the exit status is non-zero only if our firmware fails or a count is unstable.
#   tests/bench/access-bench.sh BUILD
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
# shellcheck source=tests/lib.sh
. tests/lib.sh
qemu=$QEMU
qboot=${QBOOT:-/usr/share/qemu/qboot.rom}
counter=$build/host/access-count
out=$build/bench
target=0.5 # ours at most half of qboot's
mkdir -p "$out"
for f in "$counter" "$build/bios.bin" "$build/bios.elf" "$build/kernel-debian/vmlinuz" \
	"$build/kernel-debian/vmlinux" "$build/guest/initramfs.cpio.gz"; do
	[ -e "$f" ] || { echo "access-bench: $f missing (make bench builds it)" >&2; exit 1; }
done

# field KEY LINE: the value of KEY=VALUE in a line of access-count's output.
field() { tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p"; }
num() { [[ $1 =~ ^[0-9.]+$ ]] && echo "$1" || echo null; }
json_str() { local s=${1//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "${s//$'\t'/ }"; }

# run FIRMWARE BOARD KERNEL DIR: one access-count run; sets res (two lines) or
# why (one line). Its stdout and stderr stay in DIR for a closer look.
run() {
	local fw=$1 board=$2 kernel=$3 d=$4 append
	append=$(cmdline_for "$board" console=ttyS0)
	mkdir -p "$d"
	res='' why=''
	if "$counter" --timeout 20 -- "$qemu" -M "$board" -m 512M -nodefaults -no-user-config \
		-display none -accel tcg -bios "$fw" -kernel "$kernel" \
		-initrd "$build/guest/initramfs.cpio.gz" -append "$append" \
		>"$d/stdout" 2>"$d/stderr"; then
		res=$(cat "$d/stdout")
	else
		# The first message says what happened; QEMU's own last line says why.
		why=$(sed -n 's/^access-count: //p' "$d/stderr" | head -n1)
		local last
		last=$(sed -n "/QEMU's last output:/,\$p" "$d/stderr" | sed '1d;/^$/d' | tail -n1)
		[ -n "$last" ] && why+=" (QEMU: $last)"
		[ -n "$why" ] || why="access-count failed: $(head -c 200 "$d/stderr")"
	fi
}

# measure NAME FIRMWARE BOARD KERNEL: runs twice, as the count must be
# deterministic; sets count_NAME, regions_NAME, detail_NAME, why_NAME.
unstable=0 count_ours='' count_qboot='' why_ours='' why_qboot=''
measure() {
	local name=$1 fw=$2 board=$3 kernel=$4 d=$out/runs/$3-$5-$1 first
	run "$fw" "$board" "$kernel" "$d/1"
	if [ -n "$why" ]; then
		printf -v "why_$name" '%s' "$why"
		printf -v "count_$name" 'n/a'
		return
	fi
	first=$res
	run "$fw" "$board" "$kernel" "$d/2"
	local line1=${first%%$'\n'*} line2=${first#*$'\n'}
	printf -v "count_$name" '%s' "$(field accesses "$line1")"
	printf -v "regions_$name" '%s' "${line2#by_region }"
	printf -v "detail_$name" '%s' "$line1"
	printf -v "why_$name" '%s' ""
	if [ -n "$why" ]; then
		unstable=1
		printf -v "why_$name" 'UNSTABLE: second run failed: %s' "$why"
	elif [ "$res" != "$first" ]; then
		unstable=1
		printf -v "why_$name" 'UNSTABLE: second run gave %s accesses (%s)' \
			"$(field accesses "${res%%$'\n'*}")" "${res#*$'\n'by_region }"
	fi
}

# Bytes outside the image's longest run of zero bytes: the padding between the
# code/data and the reset block. An estimate: zero bytes at the very end of the
# data count as padding too.
used_estimate() {
	od -An -v -tu1 -w1 "$1" | awk '
		$1 == 0 { run++; if (run > best) best = run; next } { run = 0 }
		END { print NR - best }'
}

txt=$out/access.txt md=$out/access.md json=$out/access.json
rows_json=() failed=0
{
	printf '%-8s %-8s %6s %6s %6s  %-11s %s\n' board format ours qboot ratio "target<=$target" \
		"ours by region / notes"
} >"$txt"
{
	echo "| board | format | ours | qboot | ratio ours/qboot | target <= $target met | ours by region | notes |"
	echo "|---|---|---:|---:|---:|---|---|---|"
} >"$md"

for board in pc q35 microvm; do
	for fmt in bzImage PVH; do
		kernel=$build/kernel-debian/vmlinuz
		[ "$fmt" = PVH ] && kernel=$build/kernel-debian/vmlinux
		regions_ours='' regions_qboot='' detail_ours='' detail_qboot=''
		measure ours "$build/bios.bin" "$board" "$kernel" "$fmt"
		if [ -e "$qboot" ]; then
			measure qboot "$qboot" "$board" "$kernel" "$fmt"
		else
			count_qboot=n/a why_qboot="$qboot not installed"
		fi
		ratio=n/a met=n/a
		if [ "$count_ours" != n/a ] && [ "$count_qboot" != n/a ] && [ "$count_qboot" -gt 0 ]; then
			ratio=$(awk -v a="$count_ours" -v b="$count_qboot" 'BEGIN { printf "%.2f", a / b }')
			met=$(awk -v a="$count_ours" -v b="$count_qboot" -v t="$target" \
				'BEGIN { print (a <= t * b) ? "yes" : "no" }')
		fi
		[ "$count_ours" = n/a ] && failed=1
		notes=
		[ -n "$why_ours" ] && notes+="ours: $why_ours; "
		[ -n "$why_qboot" ] && notes+="qboot: $why_qboot; "
		notes=${notes%; }
		printf '%-8s %-8s %6s %6s %6s  %-11s %s\n' "$board" "$fmt" "$count_ours" "$count_qboot" \
			"$ratio" "$met" "$regions_ours${notes:+  [$notes]}" >>"$txt"
		echo "| $board | $fmt | $count_ours | $count_qboot | $ratio | $met | ${regions_ours//,/, } | ${notes//|/\\|} |" >>"$md"
		rows_json+=("{\"board\": \"$board\", \"format\": \"$fmt\", \"ours\": $(num "$count_ours"), \"qboot\": $(num "$count_qboot"), \"ratio\": $(num "$ratio"), \"target_met\": $(
			case $met in yes) echo true ;; no) echo false ;; *) echo null ;; esac),
     \"ours_by_region\": $(json_str "$regions_ours"), \"qboot_by_region\": $(json_str "$regions_qboot"),
     \"ours_detail\": $(json_str "$detail_ours"), \"qboot_detail\": $(json_str "$detail_qboot"),
     \"ours_error\": $(json_str "$why_ours"), \"qboot_error\": $(json_str "$why_qboot")}")
	done
done

# Image bytes. Ours exactly from the ELF's symbols; both also by the same
# zero-run estimate, so the two can be compared like for like.
sym() { nm "$build/bios.elf" | awk -v s="$1" '$3 == s { print $1 }'; }
end=$(sym _end_of_code) init=$(sym reset_entry)
# the init block's used part: its section (16-bit entry, GDT) plus the reset vector
code=$((16#$end - 0xffff0000)) initblk=$(($(size -A "$build/bios.elf" | awk '$1 == ".init16" { print $2 }') + 16))
ours_used=$((code + initblk))
ours_est=$(used_estimate "$build/bios.bin")
qboot_est=null qboot_size=null
if [ -e "$qboot" ]; then
	qboot_est=$(used_estimate "$qboot") qboot_size=$(stat -c %s "$qboot")
fi
image_txt="ours: $ours_used bytes used of $(stat -c %s "$build/bios.bin") (code and data $code + init block $initblk, from bios.elf symbols; $ours_est by the zero-run estimate)
qboot: $qboot_est bytes used of $qboot_size (estimate: image size minus its longest run of zero bytes, i.e. the padding)"
{
	echo
	echo "image bytes:"
	echo "  ${image_txt//$'\n'/$'\n'  }"
} >>"$txt"
{
	echo
	echo "Image bytes:"
	echo
	echo "- ${image_txt//$'\n'/$'\n'- }"
	echo
	echo "Accesses are QEMU's memory_region_ops_read/write trace events from the reset"
	echo "vector to the first instruction outside the firmware (TCG, QEMU $("$qemu" --version | head -n1 | awk '{ print $4 }'));"
	echo "each run was made twice and must give the same count."
} >>"$md"
{
	echo "{"
	echo "  \"qemu\": $(json_str "$("$qemu" --version | head -n1)"),"
	echo "  \"target_ratio\": $target,"
	echo "  \"results\": ["
	for i in "${!rows_json[@]}"; do
		sep=,
		[ "$i" -eq $((${#rows_json[@]} - 1)) ] && sep=
		echo "    ${rows_json[$i]}$sep"
	done
	echo "  ],"
	echo "  \"image\": {\"ours_used\": $ours_used, \"ours_code_data\": $code, \"ours_init_block\": $initblk,"
	echo "    \"ours_used_estimate\": $ours_est, \"qboot_used_estimate\": $qboot_est, \"qboot_size\": $qboot_size,"
	echo "    \"estimate_method\": \"image size minus the longest run of zero bytes\"}"
	echo "}"
} >"$json"

cat "$txt"
echo "(also $md and $json; per-run output under $out/runs)"
[ "$unstable" = 0 ] || echo "access-bench: some counts differed between two runs" >&2
[ "$failed" = 0 ] || echo "access-bench: our firmware did not reach the kernel in some runs" >&2
[ "$unstable" = 0 ] && [ "$failed" = 0 ]
