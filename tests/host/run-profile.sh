#!/usr/bin/env bash
# boot-profile against real QEMU (TCG) boots: the firmware to the jump under
# -icount (twice: the same table; instructions as fw-measure counts them;
# first calls in the firmware's order), the kit's kernel to the probe
# (start_kernel, kernel_init, run_init_process in that order, the trace points
# in boot order, the decompressor labelled), Debian's kernel named from the
# probe's kallsyms, and bad input.
#   tests/host/run-profile.sh [BUILD]
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
build=${1:-build}
bp=$build/host/boot-profile
out=$build/tests/host/profile
# shellcheck source=tests/lib.sh
. tests/lib.sh

for f in "$bp" "$build/host/profile-plugin.so" "$build/host/fw-measure" \
	"$build/host/fwbench-plugin.so" "$build/bios.bin" "$build/bios.elf" \
	"$build/kernel-debian/vmlinuz" "$build/kernel/bzImage" "$build/kernel/System.map"; do
	[ -e "$f" ] || { echo "FAIL: $f missing (make host-tools boot-profile kernel)"; echo "0 passed, 1 failed"; exit 1; }
done
rm -rf "$out"
mkdir -p "$out"

# run NAME ARGS...: boot-profile into $out/NAME, stdout/stderr/status beside it.
run() {
	local name=$1
	shift
	"$bp" -o "$out/$name" "$@" >"$out/$name.out" 2>"$out/$name.err"
	echo $? >"$out/$name.status"
}

# -- the firmware to the jump, twice under -icount --
for i in 1 2; do
	run jump$i --until=jump --icount
done
check "--until=jump --icount: exit status 0, twice" \
	[ "$(cat "$out/jump1.status")$(cat "$out/jump2.status")" = 00 ]
check "--until=jump: DIR/latest names the run's folder" \
	test -f "$out/jump1/latest/profile.json" -a -f "$out/jump1/latest/timeline.txt"
check "--until=jump --icount: the same function table twice (names, instructions, blocks)" \
	python3 - "$out/jump1/latest/profile.json" "$out/jump2/latest/profile.json" <<'EOF'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
key = lambda j: sorted((f["name"], f["self_insns"], f["blocks"]) for f in j["functions"])
sys.exit(0 if key(a) == key(b) and a["total_insns"] == b["total_insns"] else 1)
EOF
check "--until=jump: every instruction in one function or region (sum = total)" \
	json_true "$out/jump1/latest/profile.json" \
	'sum(f["self_insns"] for f in j["functions"]) == j["total_insns"] > 0 and j["stopped_at_ns"] is not None'
check "--until=jump: the firmware's functions by name from bios.elf, first calls in its order" \
	json_true "$out/jump1/latest/profile.json" \
	'[f["name"] for f in j["functions"]][:1] == ["reset_vector"] and [f["name"] for f in j["functions"]].index("fw_main") < [f["name"] for f in j["functions"]].index("fw_cfg_init") and all(f["module"] == "bios.elf" for f in j["functions"])'
# fw-measure counts per instruction; boot-profile per block: within 0.1%.
fwm=$("$build/host/fw-measure" --plugin "$build/host/fwbench-plugin.so" \
	--kernel "$build/kernel-debian/vmlinuz" --count -- qemu-system-x86_64 -accel tcg -machine pc \
	-nodefaults -no-user-config -display none -m 512M -bios "$build/bios.bin" \
	-kernel "$build/kernel-debian/vmlinuz" -initrd "$build/guest/initramfs.cpio.gz" \
	-append 'console=ttyS0 quiet' 2>"$out/fw-measure.err" | sed -n 's/.* insns=\([0-9]*\) .*/\1/p')
check "--until=jump: instructions as fw-measure counts them, within 0.1% ($fwm)" \
	json_true "$out/jump1/latest/profile.json" "abs(j['total_insns'] - ${fwm:-0}) <= 0.001 * ${fwm:-0}"

# -- the kit's kernel to the probe --
run probe --kernel="$build/kernel/bzImage"
j=$out/probe/latest/profile.json
check "--until=probe, kit kernel: exit status 0" [ "$(cat "$out/probe.status")" = 0 ]
check "kit kernel: start_kernel, kernel_init, run_init_process first called in that order" \
	json_true "$j" '(lambda n: n.index("start_kernel") < n.index("kernel_init") < n.index("run_init_process"))([f["name"] for f in j["functions"]])'
check "kit kernel: trace points in boot order (fw_start, jump, start_kernel, start_user, probe)" \
	json_true "$j" '[p["name"] for p in j["points"] if p["name"] in ("fw_start", "linux_start_boot", "linux_start_kernel", "linux_start_user", "user_probe")] == ["fw_start", "linux_start_boot", "linux_start_kernel", "linux_start_user", "user_probe"] and sorted(p["t_ns"] for p in j["points"]) == [p["t_ns"] for p in j["points"]]'
check "kit kernel: start_kernel first called before the kernel's own trace point 6" \
	json_true "$j" '[f["first_ns"] for f in j["functions"] if f["name"] == "start_kernel"][0] <= [p["t_ns"] for p in j["points"] if p["name"] == "linux_start_kernel"][0]'
check "kit kernel: the decompressor labelled as a region, the largest share" \
	json_true "$j" 'max(j["functions"], key=lambda f: f["self_insns"])["name"].startswith("low memory (decompressor") and sum(f["self_insns"] for f in j["functions"]) == j["total_insns"]'
check "kit kernel: the timeline shows the points inline" \
	grep -q '== linux_start_user (0xf4:7) ==' "$out/probe/latest/timeline.txt"

# -- Debian's kernel (KASLR on, System.map a stub): names from the probe's kallsyms --
run debian
j=$out/debian/latest/profile.json
check "--until=probe, Debian's kernel: exit status 0, all the probe's symbols came" \
	eval '[ "$(cat "$out/debian.status")" = 0 ] && ! grep -q "did not all come" "$out/debian.err"'
check "Debian's kernel: start_kernel, kernel_init, run_init_process named and in that order" \
	json_true "$j" '(lambda n: n.index("start_kernel") < n.index("kernel_init") < n.index("run_init_process"))([f["name"] for f in j["functions"] if f["module"] == "kernel"])'
check "Debian's kernel: over 1000 kernel functions named, the probe's main() too" \
	json_true "$j" 'sum(f["module"] == "kernel" for f in j["functions"]) > 1000 and any(f["name"] == "main" and f["module"] == "probe" for f in j["functions"])'
check "Debian's kernel: the table ends at the probe (its symbol dump is not in it)" \
	json_true "$j" 'j["stopped_at_ns"] is not None and not any(f["name"] in ("send_symbols", "text_line") for f in j["functions"])'

# -- bad input: a message and a status, never a hang --
run bad-until --until=nowhere
check "--until=nowhere: status 2, says what is allowed" \
	eval '[ "$(cat "$out/bad-until.status")" = 2 ] && grep -q "not jump or probe" "$out/bad-until.err"'
run no-plugin --plugin=/nonexistent/profile-plugin.so
check "a missing plugin: status 1, named" \
	eval '[ "$(cat "$out/no-plugin.status")" = 1 ] && grep -q "plugin /nonexistent/profile-plugin.so: No such file" "$out/no-plugin.err"'
: >"$out/empty.bin"
run qemu-fails --bios="$out/empty.bin" --until=jump
check "QEMU refusing the firmware: status 1, QEMU's own words" \
	eval '[ "$(cat "$out/qemu-fails.status")" = 1 ] && grep -q "could not load PC BIOS" "$out/qemu-fails.err"'
run timeout --until=probe --timeout=2
check "--timeout=2 before the probe: status 1, says so, keeps what the plugin counted" \
	eval '[ "$(cat "$out/timeout.status")" = 1 ] && grep -q "timeout after 2 s" "$out/timeout.err"'

finish
