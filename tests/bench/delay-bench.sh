#!/usr/bin/env bash
# Calibration of boot-loop's methods against known delays: a firmware that
# waits 200 ms on the PIT between fw_start and the jump and 100 ms from the
# jump to the probe (tests/bench/delay-fw.asm, no kernel), measured in exit
# mode (--exit=0xf5, 0xf4, 0xf4:8; and, to separate the stop method's share,
# --exit=0xf5:1, 0xf4:3, 0xf4:8, all stopped by kill), --phases and
# --timeline. Prints measured against expected and whether exit mode and
# timeline agree within 5% ("DISAGREE" if not); writes
# BUILD/bench/delay/{delay.txt,delay.json} and each method's JSON.
# Disagreement is reported, not fatal: the exit status is non-zero only if
# the firmware cannot be built or a run fails. ITERATIONS (default 40, in
# ROUNDS=8 rounds) per method: exit-mode times spread by about 10 ms on a
# loaded 2-core machine, and 5% of 100 ms is 5 ms.
#   tests/bench/delay-bench.sh BUILD [ITERATIONS]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
n=${2:-40}
bl=$build/host/boot-loop
out=$build/bench/delay
fw=$build/bench/delay-fw.bin
mkdir -p "$out"
for tool in nasm python3; do
	command -v "$tool" >/dev/null || { echo "delay-bench: $tool missing" >&2; exit 1; }
done
[ -x "$bl" ] || { echo "delay-bench: $bl missing (make bench builds it)" >&2; exit 1; }
nasm -f bin -Werror -o "$fw" tests/bench/delay-fw.asm
[ "$(stat -c %s "$fw")" = 65536 ] || { echo "delay-bench: $fw is not 64 KiB" >&2; exit 1; }

# --kernel= : no kernel, the firmware writes every point itself. A shared
# machine drifts: the methods take turns in rounds, so drift hits all alike.
rounds=${ROUNDS:-8}
per=$(((n + rounds - 1) / rounds))
failed=0
measure() {
	local name=$1
	shift
	if ! "$bl" --bios="$fw" --kernel= --iterations="$per" --warmup=0 \
		--export-json="$out/$name.json" "$@" >"$out/$name.out" 2>"$out/$name.err"; then
		failed=1
		echo "delay-bench: boot-loop $* failed; see $out/$name.out" >&2
	fi
}
rm -f "$out"/*.json "$out"/*.out "$out"/*.err
for r in $(seq "$rounds"); do
	echo "delay-bench: round $r of $rounds ($per iterations per method)" >&2
	measure "exit-f5-r$r" --exit=0xf5
	measure "exit-f4-r$r" --exit=0xf4
	measure "exit-probe-r$r" --exit=0xf4:8
	measure "kill-f5-r$r" --exit=0xf5:1
	measure "kill-f4-r$r" --exit=0xf4:3
	measure "kill-probe-r$r" --exit=0xf4:8
	measure "phases-r$r" --phases
	measure "timeline-r$r" --timeline
done

# QEMU's own clock: trace stamps of the guest's port writes, free of boot-loop's
# read latency, say whether the PIT (QEMU_CLOCK_VIRTUAL) follows the wall clock.
qemu=${QEMU:-qemu-system-x86_64}
rm -f "$out"/pit-*.log
for i in $(seq 10); do
	log=$out/pit-$i.log
	"$qemu" -accel tcg -machine pc -nodefaults -no-user-config -display none -m 512M \
		-bios "$fw" -trace memory_region_ops_write -msg timestamp=on -D "$log" \
		>/dev/null 2>&1 &
	pid=$!
	for _ in $(seq 200); do
		grep -q 'addr 0xf4 value 0x8 ' "$log" 2>/dev/null && break
		sleep 0.05
	done
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
done
python3 tests/bench/delay-report.py "$out"
echo "(per method and round: $out/*.out and *.json)"
exit "$failed"
