# Sourced by run-integration.sh (tests/lib.sh's check and json_true, its own
# run, $bl, $build, $out):
# --timeline from debugcon pipes and from QEMU's own trace log, --no-patch
# with and without --system-map.

# increasing FILE: every run's times grow from point to point, in JSON order.
increasing() {
	json_true "$1" 'all(all(a < b for a, b in zip(t, t[1:])) for t in zip(*(r["times"] for r in j["results"])))'
}

# -- timeline: all points of one run, read times, within-run phases --
run timeline --timeline --iterations=2 --kernel="$build/kernel-debian/vmlinux" \
	--export-json="$out/timeline.json" --output="$out/timeline.tsv"
check "timeline PVH: fw_start < fw_do_boot < jump < probe in each run" json_true \
	"$out/timeline.json" \
	'j["mode"] == "timeline" and [r["point"] for r in j["results"]] == ["fw_start", "fw_do_boot", "jump", "probe"] and all(r["n"] == 2 for r in j["results"]) and all(a < b for a, b in zip(j["results"][0]["times"], j["results"][2]["times"])) and all(a < b for a, b in zip(j["results"][2]["times"], j["results"][3]["times"]))'
check "timeline: a line per point and run in --output (2 x 4)" \
	test "$(grep -c $'\ttimeline\t' "$out/timeline.tsv")" = 8

# -- --no-patch: Debian's unmodified qboot, points from QEMU's exec_tb trace --
qboot=/usr/share/qemu/qboot.rom
run nopatch --no-patch --iterations=2 --bios="$qboot" --kernel="$build/kernel-debian/vmlinux" \
	--export-json="$out/nopatch.json"
check "no-patch qboot PVH: first_insn < kernel_entry < probe in every run" json_true \
	"$out/nopatch.json" \
	'[r["point"] for r in j["results"]] == ["first_insn", "kernel_entry", "probe"] and all(r["n"] == 2 for r in j["results"]) and all(a < b < c for a, b, c in zip(*(r["times"] for r in j["results"])))'
check "no-patch: the trace log is removed afterwards" \
	bash -c '! ls -d "${TMPDIR:-/tmp}"/boot-loop.* 2>/dev/null | grep -q .'
run nopatch-kvm --no-patch --accel=kvm
check "no-patch refuses KVM (status 2)" grep -q 'cannot run with --accel kvm' "$out/nopatch-kvm.err"
check "timeline debugcon: fw_start, fw_do_boot, jump, probe increase in each run" \
	increasing "$out/timeline.json"

# -- the same points from QEMU's memory_region_ops_write log, no debugcon --
run timeline-qt --timeline --timeline-source=qemu-trace --iterations=2 \
	--kernel="$build/kernel-debian/vmlinux" --export-json="$out/timeline-qt.json"
check "timeline qemu-trace: status 0, fw_start < fw_do_boot < jump < probe in each run" \
	json_true "$out/timeline-qt.json" \
	'[r["point"] for r in j["results"]] == ["fw_start", "fw_do_boot", "jump", "probe"] and all(r["n"] == 2 for r in j["results"])'
check "timeline qemu-trace: times increase in each run" increasing "$out/timeline-qt.json"
check "timeline qemu-trace: no debugcon, the trace on a pipe, status 0" bash -c \
	"[ \$(cat '$out/timeline-qt.status') = 0 ] && grep -q 'memory_region_ops_write -msg timestamp=on -D /dev/fd/3' '$out/timeline-qt.out' && ! grep -q isa-debugcon '$out/timeline-qt.out'"

# -- --system-map: start_kernel from our tinyconfig kernel (no KASLR) --
if [ -e "$build/kernel/bzImage" ] && [ -e "$build/kernel/System.map" ]; then
	for fw in ours qboot; do
		[ $fw = ours ] && bios=$build/bios.bin || bios=$qboot
		run sysmap-$fw --no-patch --iterations=2 --bios="$bios" \
			--kernel="$build/kernel/bzImage" --system-map="$build/kernel/System.map" \
			--export-json="$out/sysmap-$fw.json"
		check "no-patch --system-map ($fw): first_insn < kernel_entry < start_kernel < probe" \
			json_true "$out/sysmap-$fw.json" \
			'[r["point"] for r in j["results"]] == ["first_insn", "kernel_entry", "start_kernel", "probe"] and all(r["n"] == 2 for r in j["results"])'
		check "no-patch --system-map ($fw): times increase in each run" \
			increasing "$out/sysmap-$fw.json"
	done
else
	echo "SKIP: --system-map: $build/kernel/bzImage or System.map missing (the tinyconfig kernel)"
fi
