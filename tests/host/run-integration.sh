#!/usr/bin/env bash
# boot-loop against real QEMU (TCG) boots of the demo kernel: exit mode,
# phases, timeline, compare, failures with their reasons, timeouts, Ctrl-C,
# a full disk, bad arguments, and valgrind for leaks and descriptors. A
# stand-in QEMU (fake-qemu.sh) plays a patched kernel and a crash.
#   tests/host/run-integration.sh [BUILD]
set -uo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
bl=$build/host/boot-loop
out=$build/tests/host/integration
# shellcheck source=tests/lib.sh
. tests/lib.sh
# run NAME ARGS...: boot-loop with stdout/stderr/status in $out/NAME.*
run() {
	local name=$1
	shift
	"$bl" "$@" >"$out/$name.out" 2>"$out/$name.err"
	echo $? >"$out/$name.status"
}

for f in "$bl" "$build/bios.bin" "$build/kernel-debian/vmlinuz" "$build/kernel-debian/vmlinux" \
	"$build/guest/initramfs.cpio.gz"; do
	[ -e "$f" ] || { echo "FAIL: $f missing (make demo builds it)"; echo "0 passed, 1 failed"; exit 1; }
done
rm -rf "$out"
mkdir -p "$out"

# -- exit mode: status 3 names fw_start; hyperfine-style JSON that parses --
run exit-f5 --exit=0xf5 --iterations=3 --export-json="$out/exit-f5.json" \
	--export-csv="$out/exit-f5.csv" --export-markdown="$out/exit-f5.md" --plot="$out/exit-f5.svg"
check "exit 0xf5: exit status 0" [ "$(cat "$out/exit-f5.status")" = 0 ]
check "exit 0xf5: JSON parses (python3 -m json.tool)" \
	python3 -m json.tool "$out/exit-f5.json" /dev/null
check "exit 0xf5: 3 samples of fw_start, exit codes 3" json_true "$out/exit-f5.json" \
	'j["results"][0]["point"] == "fw_start" and len(j["results"][0]["times"]) == 3 and j["results"][0]["exit_codes"] == [3, 3, 3] and j["results"][0]["median"] > 0'
check "exit 0xf5: table names the point" grep -q '^fw_start (0xf5) *3 ' "$out/exit-f5.out"
check "exit 0xf5: CSV has 18 columns in every row" \
	awk -F, 'NR == 1 && $1 != "command" { exit 1 } NF < 18 { exit 1 } END { exit NR < 2 }' "$out/exit-f5.csv"
check "exit 0xf5: SVG is well-formed XML" \
	python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$out/exit-f5.svg"
check "exit 0xf5: Markdown table" grep -q '^| fw_start (0xf5) | 3 |' "$out/exit-f5.md"

# -- the jump: bzImage gives linux_start_boot (7), PVH linux_start_pvhboot (9) --
run exit-f4 --exit=0xf4 --iterations=2 --export-json="$out/exit-f4.json"
check "exit 0xf4 bzImage: linux_start_boot, status 7" json_true "$out/exit-f4.json" \
	'j["results"][0]["point"] == "linux_start_boot" and j["results"][0]["exit_codes"] == [7, 7]'
run exit-pvh --exit=0xf4 --iterations=2 --machine=q35 --kernel="$build/kernel-debian/vmlinux" \
	--export-json="$out/exit-pvh.json"
check "exit 0xf4 PVH on q35: linux_start_pvhboot, status 9" json_true "$out/exit-pvh.json" \
	'j["results"][0]["point"] == "linux_start_pvhboot" and j["results"][0]["exit_codes"] == [9, 9]'

# -- phases on the demo kernel, every run written to --output at once --
run phases --phases --iterations=2 --export-json="$out/phases.json" --output="$out/phases.tsv"
check "phases: exit status 0" [ "$(cat "$out/phases.status")" = 0 ]
check "phases: JSON parses" python3 -m json.tool "$out/phases.json" /dev/null
check "phases: fw_start < jump < probe, 2 samples each" json_true "$out/phases.json" \
	'[r["name"] if "name" in r else r["point"] for r in j["results"]] == ["fw_start", "jump", "probe"] and all(r["n"] == 2 for r in j["results"]) and j["results"][0]["median"] < j["results"][2]["median"] and j["results"][1]["median"] < j["results"][2]["median"]'
check "phases: tQEMU, tFW, tKernel, total; tKernel = median(probe) - median(jump)" \
	json_true "$out/phases.json" \
	'[p["name"] for p in j["phases"]] == ["tQEMU", "tFW", "tKernel", "total"] and abs(j["phases"][2]["median"] - (j["results"][2]["median"] - j["results"][1]["median"])) < 1e-6'
check "phases: table has the four phases" \
	bash -c "grep -q '^tQEMU ' '$out/phases.out' && grep -q '^tFW ' '$out/phases.out' && grep -q '^tKernel ' '$out/phases.out' && grep -q '^total ' '$out/phases.out'"
# 2 header lines, 1 discovery run, 3 warm-up runs, 6 measured runs.
check "phases: --output has one line per run (10) after its header" \
	test "$(grep -vc '^#' "$out/phases.tsv")" = 10 -a "$(grep -c '^#' "$out/phases.tsv")" = 2
check "phases: every measured run ok and killed at its point (status 137)" \
	awk -F'\t' '$2 == "run" { n++; if ($5 != "ok" || $8 != 137) bad = 1 } END { exit bad || n != 6 }' \
	"$out/phases.tsv"

# -- microvm (PVH) to the probe: tsc_early_khz added by default, as the
# scripts' rule (tests/lib.sh cmdline_for) adds it --
run microvm --exit=0xf4:8 --iterations=2 --machine=microvm --kernel="$build/kernel-debian/vmlinux"
check "microvm PVH to the probe: status 0, user_probe, '$(cmdline_for microvm)' added" \
	bash -c '[ "$(cat "$1.status")" = 0 ] && grep -q "^user_probe (0xf4:8) *2 " "$1.out" && grep -qF -- "$2" "$1.out"' \
	_ "$out/microvm" "$(cmdline_for microvm)"

# -- compare: A and B alternate, ratio per pair --
run compare --compare --bios="$build/bios.bin" --bios="$build/bios.bin" --iterations=3 \
	--export-json="$out/compare.json"
check "compare: ratio B/A of 3 pairs in JSON" json_true "$out/compare.json" \
	'len(j["results"]) == 2 and j["results"][0]["variant"] == "A" and j["ratios"][0]["n"] == 3 and 0.2 < j["ratios"][0]["median"] < 5'

# -- --timeline (both sources) and --no-patch (with --system-map) --
. tests/host/integration-timeline.sh

# -- three stacks, all three phases: our firmware; stock SeaBIOS (no fw_start:
# first_insn from exec_tb stands in) and patched SeaBIOS, both with our option
# ROMs; each with the patched kernel and the probe --
stock_seabios=/usr/share/seabios/bios-256k.bin
stacks_missing=
for f in "$build/kernel/bzImage" "$build/seabios/bios.bin" "$stock_seabios"; do
	[ -e "$f" ] || stacks_missing+="${stacks_missing:+, }$f"
done
roms=(-- -L "$build/optionrom" -L /usr/share/qemu)
# tfw_min: our firmware's tFW is about 0.3 ms, far below the few ms by which
# separate phase runs differ, so its difference of medians (n=2) is negative
# about half the time; there it must only be finite and within the noise.
phase_ok='p["variant"] is None and p["differences"]["n"] == 2 and p["median"] is not None and p["median"] < 1e3'
stack() {
	local name=$1 what=$2 fw=$3 from=$4 tfw_min=$5
	shift 5
	if [ -n "$stacks_missing" ]; then
		echo "SKIP: stack $what: $stacks_missing missing (the patched kernel and SeaBIOS builds)"
		return
	fi
	run "$name" --phases --iterations=2 --bios="$fw" --kernel="$build/kernel/bzImage" \
		--export-json="$out/$name.json" "$@"
	check "stack $what: --phases exit status 0" \
		bash -c '[ "$(cat "$1")" = 0 ]' _ "$out/$name.status"
	check "stack $what: JSON: tQEMU, tFW, tKernel n=2, finite medians > 0 (tFW > $tfw_min s); fw_start from $from" \
		json_true "$out/$name.json" "all(any(p['name'] == k and $phase_ok and p['median'] > ($tfw_min if k == 'tFW' else 0) for p in j['phases']) for k in ('tQEMU', 'tFW', 'tKernel')) and j['fw_start_from'] == '$from'"
}
stack stack-ours "1 (bios.bin + patched kernel)" "$build/bios.bin" "port 0xf5" -0.010
stack stack-stock "2 (stock SeaBIOS + option ROMs + patched kernel)" "$stock_seabios" exec_tb 0 \
	"${roms[@]}"
stack stack-patched "3 (patched SeaBIOS + option ROMs + patched kernel)" "$build/seabios/bios.bin" \
	"port 0xf5" 0 "${roms[@]}"
if [ -e "$out/stack-stock.json" ]; then
	check "stack 2: first_insn labelled as standing in for fw_start (JSON and table)" bash -c \
		'python3 -c "import json, sys; r = json.load(open(sys.argv[1]))[\"results\"][0]; sys.exit(not (r[\"point\"] == \"first_insn\" and r[\"stands_in_for\"] == \"fw_start\" and r[\"measured_differently\"] is True))" "$1" && grep -q "^first_insn (exec_tb) *2 " "$2" && grep -q "measured differently" "$2"' \
		_ "$out/stack-stock.json" "$out/stack-stock.out"
	run stack-stock-tl --timeline --iterations=2 --bios="$stock_seabios" \
		--kernel="$build/kernel/bzImage" --export-json="$out/stack-stock-tl.json" "${roms[@]}"
	check "stack 2 --timeline: first_insn < jump < probe, tQEMU/tFW/tKernel n=2" json_true \
		"$out/stack-stock-tl.json" \
		'[r["point"] for r in j["results"]][0] == "first_insn" and all(p["differences"]["n"] == 2 for p in j["phases"] if p["name"] in ("tQEMU", "tFW", "tKernel")) and all(a < b for a, b in zip(j["results"][0]["times"], j["results"][1]["times"]))'
	run stack-stock-port --phases --iterations=1 --warmup=0 --fw-start=port --bios="$stock_seabios" \
		--kernel="$build/kernel/bzImage" --export-json="$out/stack-stock-port.json" "${roms[@]}"
	check "stack 2 --fw-start=port: no first_insn, fw_start fails (no such point)" json_true \
		"$out/stack-stock-port.json" \
		'j["fw_start_from"] == "port 0xf5" and j["results"][0]["point"] == "fw_start" and j["results"][0]["n"] == 0'
fi

# -- no kernel (--kernel=): the calibration firmware writes every point itself --
if command -v nasm >/dev/null; then
	nasm -f bin -o "$out/delay-fw.bin" tests/bench/delay-fw.asm
	run nokernel --timeline --iterations=1 --bios="$out/delay-fw.bin" --kernel= \
		--export-json="$out/nokernel.json"
	check "--kernel= (none): no -kernel/-initrd/-append, tFW and tKernel measured" bash -c \
		'[ "$(cat "$1.status")" = 0 ] && ! grep -qE -- "-kernel|-initrd|-append" "$1.out" && python3 -c "import json, sys; j = json.load(open(sys.argv[1])); sys.exit(not all(p[\"median\"] > 0 for p in j[\"phases\"] if p[\"name\"] in (\"tFW\", \"tKernel\")))" "$1.json"' \
		_ "$out/nokernel"
else
	echo "SKIP: --kernel= (none): nasm missing"
fi

# -- perf-report on the published qemu-boot-time sample (old numbering) --
run perf perf-report --old-numbering tests/host/fixtures/perf-script-kvm-pio.txt
check "perf-report: 3 boots, tFW median 10.097 ms, points named by value" bash -c \
	"grep -q '^perf-report: 3 boots' '$out/perf.out' && grep -Eq '^tFW +fw_start to linux_start_boot/pvh +3 +10.097 ' '$out/perf.out' && grep -q 'fw_start fw_do_boot linux_start_boot linux_start_kernel linux_start_user' '$out/perf.out'"

# -- a patched kernel's points 6 and 7, played by a stand-in QEMU --
fake=tests/host/fake-qemu.sh
run fake-phases --phases --iterations=3 --qemu="$fake" --export-json="$out/fake-phases.json"
check "phases with start_kernel/start_user: detected and split tKernel" json_true \
	"$out/fake-phases.json" \
	'[r["point"] for r in j["results"]] == ["fw_start", "jump", "start_kernel", "start_user", "probe"] and [p["name"] for p in j["phases"]] == ["tQEMU", "tFW", "tKernel", "jump-to-start_kernel", "start_kernel-to-start_user", "start_user-to-probe", "total"]'
FAKE_QEMU=segv run fake-segv --exit=0xf5 --iterations=2 --qemu="$fake"
check "QEMU crashing: failure 'killed by signal 11'" \
	grep -q '2 failed: QEMU killed by signal 11 (Segmentation fault)' "$out/fake-segv.out"
run fake-never --exit=0xf4:9 --iterations=1 --warmup=0 --qemu="$fake"
check "guest powering off before the point: failure 'status 0 before 0xf4:9'" \
	grep -q '1 failed: QEMU exited with status 0 before 0xf4:9' "$out/fake-never.out"

# -- --compare order (boot-loop.1): each iteration runs A and B, A first in
# even iterations and B first in odd ones, so who goes first changes from
# one iteration to the next, warm-ups included. Two stand-in QEMUs (--qemu
# twice, A the first), each start logged, checked against --output --
# compare_order FILE ARMS: FILE's runs came in that order, ARMS runs per
# variant and iteration, and each line's variant is the QEMU that started.
compare_order() {
	python3 - "$1" "$2" "$fake" "$out/fake-qemu-b.sh" "$1.starts" <<'EOF'
import sys
tsv, arms, qemu_a, qemu_b, starts = sys.argv[1], int(sys.argv[2]), *sys.argv[3:]
rows = [l.rstrip("\n").split("\t") for l in open(tsv) if not l.startswith("#")]
started = [l.rstrip("\n") for l in open(starts)]
def fail(why):
    print(f"compare order: {why}", file=sys.stderr)
    sys.exit(1)
if len(started) != len(rows):
    fail(f"{len(started)} QEMU starts, {len(rows)} lines in --output")
for n, (r, q) in enumerate(zip(rows, started)):
    if q != {"A": qemu_a, "B": qemu_b}.get(r[2]):
        fail(f"line {n + 1}: variant {r[2]}, but {q} was started")
# Iterations in the order they ran, warm-ups first: (kind, iteration) -> variants.
order, runs = [], {}
for it, kind, variant in (r[:3] for r in rows if r[1] in ("warmup", "run")):
    key = (kind, int(it))
    if key not in runs:
        order.append(key)
        runs[key] = []
    runs[key].append(variant)
if [k for k in order if k[0] == "run"] != [("run", i) for i in range(len(order) - order.index(("run", 0)))]:
    fail(f"iterations out of order: {order}")
firsts = []
for kind, it in order:
    v = runs[(kind, it)]
    # all of one variant's arms, then all of the other's
    if len(v) != 2 * arms or len(set(v[:arms])) != 1 or len(set(v[arms:])) != 1 or v[0] == v[arms]:
        fail(f"{kind} iteration {it}: {' '.join(v)}")
    if kind == "run" and v[0] != ("A" if it % 2 == 0 else "B"):
        fail(f"run iteration {it} ({'even' if it % 2 == 0 else 'odd'}) starts with {v[0]}")
    firsts.append(v[0])
if any(a == b for a, b in zip(firsts, firsts[1:])):
    fail(f"who goes first does not alternate: {' '.join(firsts)}")
print("compare order:", ", ".join(f"{k} {i}: {runs[(k, i)][0]} {runs[(k, i)][arms]}" for k, i in order))
EOF
}
cp "$fake" "$out/fake-qemu-b.sh"
: >"$out/compare-exit.tsv.starts"
FAKE_QEMU_LOG=$out/compare-exit.tsv.starts run compare-exit --compare --exit=0xf5 --iterations=5 \
	--warmup=3 --qemu="$fake" --qemu="$out/fake-qemu-b.sh" --output="$out/compare-exit.tsv"
check "compare --exit: A B in even, B A in odd iterations, alternating from the warm-ups on" \
	compare_order "$out/compare-exit.tsv" 1
: >"$out/compare-phases.tsv.starts"
FAKE_QEMU_LOG=$out/compare-phases.tsv.starts run compare-phases --compare --phases --iterations=2 \
	--qemu="$fake" --qemu="$out/fake-qemu-b.sh" --output="$out/compare-phases.tsv"
check "compare --phases: the 5 points of one variant, then the other's, in that order" \
	compare_order "$out/compare-phases.tsv" 5

# -- failures are counted with their reason, never as samples --
head -c 200000 /dev/urandom >"$out/random.bin"
printf 'X' | dd of="$out/random.bin" conv=notrunc status=none # not an ELF
run fw-error --exit=0xf4 --iterations=2 --kernel="$out/random.bin" --initrd= \
	--export-json="$out/fw-error.json"
check "firmware error: exit status 1" [ "$(cat "$out/fw-error.status")" = 1 ]
check "firmware error: 2 failures named 'firmware error 0x22' (status 69)" \
	grep -q '2 failed: firmware error 0x22 not_a_kernel: the kernel is neither a bzImage nor a PVH ELF (or an ELF without the PVH note) (status 69)' "$out/fw-error.out"
check "firmware error: JSON has no times and 2 failures" json_true "$out/fw-error.json" \
	'j["results"][0]["times"] == [] and [f["exit_code"] for f in j["results"][0]["failures"]] == [69, 69]'
# An old boot protocol (2.09): QEMU takes it, our firmware refuses it.
cp "$build/kernel-debian/vmlinuz" "$out/old-protocol.bin"
printf '\x09\x02' | dd of="$out/old-protocol.bin" bs=1 seek=$((0x206)) conv=notrunc status=none
run old-proto --exit=0xf4 --iterations=1 --warmup=0 --kernel="$out/old-protocol.bin" --initrd=
check "old boot protocol: failure 'firmware error 0x23' (status 71)" \
	grep -q '1 failed: firmware error 0x23 old_protocol: bzImage boot protocol older than 2.10, or not loadable high (status 71)' "$out/old-proto.out"
run qemu-error --exit=0xf4 --iterations=2 --kernel="$out/random.bin"
check "QEMU refusing the kernel: failure 'QEMU error (status 1)'" \
	grep -q '2 failed: QEMU error (status 1)' "$out/qemu-error.out"
# QEMU's own first error line is the reason, not a pointer to --show-output.
: >"$out/empty-bios.bin"
run qemu-said --exit=0xf4 --iterations=1 --warmup=0 --bios="$out/empty-bios.bin"
check "QEMU refusing the firmware: its own words in the reason" \
	grep -q "1 failed: QEMU error (status 1): qemu.*: could not load PC BIOS '$out/empty-bios.bin'" \
	"$out/qemu-said.out"
# One failure, one line: what failed and why, no second line with a stale errno.
TMPDIR=/nonexistent run tmpdir --no-patch --bios=/usr/share/qemu/qboot.rom --iterations=1
check "--no-patch with TMPDIR=/nonexistent: status 1, one line saying where and why" \
	eval '[ "$(cat "$out/tmpdir.status")" = 1 ] && [ "$(wc -l <"$out/tmpdir.err")" = 1 ] &&
	grep -q "^boot-loop: --no-patch: cannot make a directory for QEMU.s log in /nonexistent: No such file or directory$" "$out/tmpdir.err"'

# -- a hung guest (QEMU paused by -S) is killed at --timeout --
start=$(date +%s)
run timeout --exit=0xf4 --iterations=2 --warmup=0 --timeout=1 -- -S
took=$(($(date +%s) - start))
check "timeout: 2 failures 'timeout', status 1, within 10 s (took ${took} s)" \
	bash -c "[ \$(cat '$out/timeout.status') = 1 ] && grep -q '2 failed: timeout' '$out/timeout.out' && [ $took -le 10 ]"

# -- Ctrl-C: QEMU killed, summary printed, status 130 --
"$bl" --exit=0xf4:8 --iterations=50 --warmup=0 --output="$out/sigint.tsv" >"$out/sigint.out" 2>&1 &
blpid=$!
for _ in $(seq 60); do
	grep -q $'\trun\t' "$out/sigint.tsv" 2>/dev/null && break
	sleep 0.5
done
sleep 1
qemupid=$(ps -o pid= --ppid "$blpid" | tr -d ' ' | head -n1)
kill -INT "$blpid"
wait "$blpid"
st=$?
sleep 0.2
check "SIGINT: status 130 and 'Interrupted by SIGINT' summary" \
	bash -c "[ $st = 130 ] && grep -q 'Interrupted by SIGINT' '$out/sigint.out' && grep -q '^user_probe (0xf4:8) ' '$out/sigint.out'"
check "SIGINT: the running QEMU ($qemupid) was killed" \
	bash -c "[ -n '$qemupid' ] && ! ps -o stat= -p '$qemupid' | grep -qv Z"
check "SIGINT: finished runs were already in --output" grep -q $'\trun\t-\t0xf4:8\tok\t' "$out/sigint.tsv"

# -- a full disk for --output: a warning, the results still come --
run full --exit=0xf5 --iterations=2 --output=/dev/full
check "--output on a full disk: warned once, table printed, status 1" \
	bash -c "[ \$(cat '$out/full.status') = 1 ] && [ \$(grep -c 'No space left on device' '$out/full.err') = 1 ] && grep -q '^fw_start (0xf5) *2 ' '$out/full.out'"

# -- bad arguments and missing files: one message, status 2 --
bad_arg() {
	local name=$1 expect=$2
	shift 2
	run "$name" "$@"
	check "bad input ($name): status 2, one message: $expect" bash -c \
		'[ "$(cat "$1.status")" = 2 ] && [ "$(wc -l <"$1.err")" = 2 ] && grep -qF -- "$2" "$1.err" && [ ! -s "$1.out" ]' \
		_ "$out/$name" "$expect"
}
bad_arg zero-iter "--iterations: '0' is not a whole number of at least 1" --exit=0xf5 --iterations=0
bad_arg unknown "unknown option '--itarations'" --exit=0xf5 --itarations=3
bad_arg no-mode "nothing to measure" --iterations=3
bad_arg no-bios "--bios /nonexistent/bios.bin: No such file or directory" --exit=0xf5 \
	--bios=/nonexistent/bios.bin
bad_arg no-kernel "--kernel /nonexistent/vmlinuz: No such file or directory" --exit=0xf5 \
	--kernel=/nonexistent/vmlinuz
bad_arg no-qemu "QEMU not found: no qemu-system-nonexistent in PATH" --exit=0xf5 \
	--qemu=qemu-system-nonexistent
bad_arg fw-start "--fw-start: 'reset' is not one of auto, port, exec_tb" --phases --fw-start=reset
bad_arg fw-start-exit "--fw-start applies to --phases and --timeline only" --exit=0xf5 \
	--fw-start=exec_tb
bad_arg tl-source "--timeline-source applies to --timeline only" --phases \
	--timeline-source=qemu-trace
bad_arg sysmap-stub "no start_kernel (T or t) symbol in it" --no-patch \
	--system-map="$build/kernel-debian/System.map"
bad_arg initrd-no-kernel "--initrd needs a kernel" --exit=0xf5 --kernel= --initrd=x.cpio
run help --help
check "--help: status 0, says what times include and what phases are" bash -c \
	"[ \$(cat '$out/help.status') = 0 ] && grep -q 'includes exec, dynamic loading and QEMU' '$out/help.out' && grep -q 'differences of the points. medians' '$out/help.out'"

# -- no zombies, no descriptor growth over many runs --
"$bl" --exit=0xf5 --iterations=150 --warmup=0 >"$out/many.out" 2>&1 &
blpid=$!
maxfd=0
maxz=0
while kill -0 "$blpid" 2>/dev/null; do
	n=$(ls "/proc/$blpid/fd" 2>/dev/null | wc -l)
	z=$(ps -o stat= --ppid "$blpid" | grep -c Z)
	[ "$n" -gt "$maxfd" ] && maxfd=$n
	[ "$z" -gt "$maxz" ] && maxz=$z
	sleep 0.05
done
wait "$blpid"
st=$?
basefd=$(ls /proc/self/fd | wc -l) # this shell's inherited ones, plus ls's own
check "150 runs: status $st, at most $maxfd descriptors open, at most $maxz zombie" \
	bash -c "[ $st = 0 ] && [ $maxfd -le $((basefd + 6)) ] && [ $maxz -le 1 ]"

# -- valgrind: no leaks, no descriptors left open (inherited ones aside) --
vg() {
	local name=$1
	shift
	valgrind --leak-check=full --track-fds=yes --error-exitcode=99 "$bl" "$@" \
		>"$out/$name.out" 2>"$out/$name.vg"
	echo $? >"$out/$name.status"
	# Every open descriptor reported at exit must be std or inherited from our parent.
	awk '/Open file descriptor [0-9]+:/ { fd = $0; getline; if (fd !~ /descriptor [012]:/ && $0 !~ /inherited from parent/) leak = 1 }
	     END { exit leak }' "$out/$name.vg" &&
		grep -q 'All heap blocks were freed' "$out/$name.vg" &&
		grep -q 'ERROR SUMMARY: 0 errors' "$out/$name.vg" &&
		[ "$(cat "$out/$name.status")" = 0 ]
}
check "valgrind --exit=0xf5, 2 iterations: no leaks, no fds" vg vg-exit --exit=0xf5 --iterations=2 \
	--export-json="$out/vg.json" --output="$out/vg.tsv"
check "valgrind --phases (pipes), 1 iteration: no leaks, no fds" vg vg-phases --phases \
	--iterations=1 --warmup=0 --kernel="$build/kernel-debian/vmlinux" --plot="$out/vg.svg"
check "valgrind --timeline with first_insn (log pipe, monitor socket): no leaks, no fds" vg \
	vg-first-insn --timeline --iterations=1 --warmup=0 --fw-start=exec_tb \
	--kernel="$build/kernel-debian/vmlinux"

finish
