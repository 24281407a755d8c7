#!/usr/bin/env bash
# Our firmware against qboot and SeaBIOS on the same kernel, initrd and
# command line, for pc, q35 and microvm, bzImage and PVH:
#   1. counts (fw-measure --count, twice each: must be identical): guest
#      instructions and device accesses by QEMU memory region, from reset to
#      the kernel's first instruction; -icount shift=0,sleep=off
#   2. tFW (fw-measure, no trace, no icount): reset vector to the kernel's
#      first instruction, timed inside QEMU by the plugin; ITER rounds, every
#      firmware once per round per board and format, the order rotating
#   3. total boot to the probe and fw_start-based tFW (boot-loop --compare
#      --phases, qboot and SeaBIOS with trace points each against ours, pc and
#      bzImage only: the Debian kernel's boot takes seconds under TCG)
# Writes BUILD/bench/anchors/{counts.tsv,tfw.tsv,compare-*.json,env.txt,
# commands.txt}; bench-report.py turns them into bench/REPORT.md.
#   tests/bench/anchor-bench.sh BUILD
# TFW_ITER (default 21), TOTAL_ITER (default 6) set the repetitions.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
# shellcheck source=tests/lib.sh
. tests/lib.sh
qemu=$QEMU
tfw_iter=${TFW_ITER:-21}
total_iter=${TOTAL_ITER:-6}
out=$build/bench/anchors
measure=$build/host/fw-measure
plugin=$build/host/fwbench-plugin.so
initrd=$build/guest/initramfs.cpio.gz
mkdir -p "$out/runs"
for f in "$measure" "$plugin" "$build/host/boot-loop" "$build/bios.bin" "$build/qboot/qboot-bench.rom" \
	"$build/seabios/bios.bin" "$build/optionrom" "$build/kernel-debian/vmlinuz" \
	"$build/kernel-debian/vmlinux" "$initrd"; do
	[ -e "$f" ] || { echo "anchor-bench: $f missing (make bench builds it)" >&2; exit 1; }
done

# Firmwares: name, then the QEMU arguments that select it.
fws=(ours qboot-bench qboot-deb seabios-kit seabios-deb)
declare -A fwargs=(
	[ours]="-bios $build/bios.bin"
	[qboot-bench]="-bios $build/qboot/qboot-bench.rom"
	[qboot-deb]="-bios /usr/share/qemu/qboot.rom"
	[seabios-kit]="-bios $build/seabios/bios.bin -L $build/optionrom -L /usr/share/qemu"
	[seabios-deb]="-bios /usr/share/seabios/bios-256k.bin"
)
kernel_of() { [ "$1" = PVH ] && echo "$build/kernel-debian/vmlinux" || echo "$build/kernel-debian/vmlinuz"; }
append_of() { cmdline_for "$1" console=ttyS0; }

# qemu_cmd BOARD FORMAT FW: the command (an array) every run of that cell uses.
qemu_cmd() {
	local k
	k=$(kernel_of "$2")
	# shellcheck disable=SC2206 # fwargs holds words on purpose
	cmd=("$qemu" -M "$1" -m 512M -nodefaults -no-user-config -display none -accel tcg
		${fwargs[$3]} -kernel "$k" -initrd "$initrd" -append "$(append_of "$1")")
}

{
	echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)"
	echo "cores: $(nproc)"
	echo "load_before: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "qemu: $("$qemu" --version | head -n1)"
	echo "kernel: $(cat "$build/kernel-debian/VERSION" 2>/dev/null || echo unknown)"
	echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with local changes)')"
	echo "tfw_iter: $tfw_iter"
	echo "append: $(append_of pc)"
	echo "append_microvm: $(append_of microvm)"
	echo "total_iter: $total_iter"
} >"$out/env.txt"

cmds=$out/commands.txt
: >"$cmds"
note_cmd() { printf '%q ' "$@" >>"$cmds"; echo >>"$cmds"; }

# ---- 1. counts --------------------------------------------------------------
counts=$out/counts.tsv
printf 'board\tformat\tfirmware\tstatus\tinsns\taccesses\tports\tmmio\tpoints\tby_region\tnote\n' >"$counts"
field() { tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p"; }
for board in pc q35 microvm; do
	for fmt in bzImage PVH; do
		for fw in "${fws[@]}"; do
			qemu_cmd "$board" "$fmt" "$fw"
			d=$out/runs/$board-$fmt-$fw
			mkdir -p "$d"
			m=("$measure" --plugin "$plugin" --kernel "$(kernel_of "$fmt")" --count --timeout 8 --)
			[ "$board$fmt$fw" = pcbzImageours ] && note_cmd "${m[@]}" "${cmd[@]}"
			status=ok note=
			for r in 1 2; do
				rc=0
				"${m[@]}" "${cmd[@]}" >"$d/count$r.out" 2>"$d/count$r.err" || rc=$?
				if [ "$rc" = 3 ]; then  # no jump: say why, do not repeat
					status=nojump
					note=$(head -n1 "$d/count$r.err" | sed 's/^fw-measure: //')
					break
				elif [ "$rc" != 0 ]; then
					status=failed note=$(head -c 300 "$d/count$r.err" | tr '\n\t' '  ')
					break
				fi
			done
			line='' regions=''
			if [ "$status" = ok ]; then
				line=$(head -n1 "$d/count1.out")
				regions=$(sed -n 's/^by_region //p' "$d/count1.out")
				# Everything but the time must be equal.
				if [ "$(sed 's/ tfw_us=[^ ]*//' "$d/count1.out")" != \
					"$(sed 's/ tfw_us=[^ ]*//' "$d/count2.out")" ]; then
					status=unstable
					note="second run: $(tr '\n' ' ' <"$d/count2.out")"
				fi
			fi
			printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$board" "$fmt" "$fw" "$status" \
				"$(field insns "$line")" "$(field accesses "$line")" "$(field ports "$line")" \
				"$(field mmio "$line")" "$(field points "$line")" "$regions" "$note" >>"$counts"
			echo "anchor-bench: counts $board $fmt $fw: $status $(field insns "$line") insns," \
				"$(field accesses "$line") accesses" >&2
		done
	done
done

# ---- 2. tFW, interleaved ----------------------------------------------------
tfw=$out/tfw.tsv
printf 'round\tboard\tformat\tfirmware\ttfw_us\n' >"$tfw"
note_cmd "$measure" --plugin "$plugin" --kernel KERNEL --timeout 20 -- QEMU-COMMAND-AS-ABOVE
for round in $(seq "$tfw_iter"); do
	echo "anchor-bench: tFW round $round of $tfw_iter" >&2
	for board in pc q35 microvm; do
		for fmt in bzImage PVH; do
			# Firmwares that never jumped in the counts are not timed.
			mapfile -t live < <(awk -F'\t' -v b="$board" -v f="$fmt" \
				'$1 == b && $2 == f && $4 != "nojump" && $4 != "failed" { print $3 }' "$counts")
			n=${#live[@]}
			for ((i = 0; i < n; i++)); do
				fw=${live[$(((i + round) % n))]}
				qemu_cmd "$board" "$fmt" "$fw"
				res=$("$measure" --plugin "$plugin" --kernel "$(kernel_of "$fmt")" --timeout 20 \
					-- "${cmd[@]}" 2>>"$out/runs/tfw.err") || res=
				us=$(field tfw_us "$res")
				printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$board" "$fmt" "$fw" "${us:-failed}" >>"$tfw"
			done
		done
	done
done

# ---- 3. total boot (boot-loop, pc, bzImage) -----------------------------------
# The anchors with trace points get --phases (fw_start, jump, probe): total
# boot and boot-loop's fw_start-based tFW. Each probe run takes seconds, so
# the stock images (qboot-bench and seabios-kit less a few outb, plus
# Debian's option ROMs for SeaBIOS) are not run again here: their tFW is in
# the plugin's figures above. No warm-up run: boot-loop's own first
# (discovery) run already warms the caches.
bl=$build/host/boot-loop
compare() {
	local name=$1 fw=$2
	shift 2
	local c=("$bl" --compare --bios "$build/bios.bin" --bios "$fw" --iterations="$total_iter" --warmup=0
		--export-json="$out/compare-$name.json" "$@")
	note_cmd "${c[@]}"
	echo "anchor-bench: boot-loop --compare ours vs $name ($total_iter iterations)" >&2
	"${c[@]}" >"$out/compare-$name.txt" 2>&1 ||
		echo "anchor-bench: boot-loop compare $name failed; see $out/compare-$name.txt" >&2
}
rm -f "$out"/compare-*.json
compare qboot-bench "$build/qboot/qboot-bench.rom" --phases
compare seabios-kit "$build/seabios/bios.bin" --phases -- -L "$build/optionrom" -L /usr/share/qemu
echo "load_after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/env.txt"
echo "anchor-bench: results in $out" >&2
