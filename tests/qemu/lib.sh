# Shared by the QEMU (TCG) boot tests: run one boot with the trace ports and
# the firmware's debug console captured to files, and check what the guest saw.
# shellcheck shell=bash

QEMU=${QEMU:-qemu-system-x86_64}
ABI_HEADER=${ABI_HEADER:-include/boot-trace.h}
pass=0
fail=0

# abi NAME: a value from the trace ABI header, so the tests follow it.
abi() {
	awk -v n="$1" '$1 == "#define" && $2 == n { print $3 + 0; exit }' "$ABI_HEADER"
}

results=()
ok() { pass=$((pass + 1)); results+=("PASS: $*"); echo "PASS: $*"; }
bad() { fail=$((fail + 1)); results+=("FAIL: $*"); echo "FAIL: $*"; }

# hexbytes FILE: the bytes of a trace capture as "01 05".
hexbytes() { od -An -tx1 -v "$1" 2>/dev/null | tr -s ' \n' ' ' | sed 's/^ //; s/ $//'; }

# boot DIR MACHINE TIMEOUT QEMU-ARGS...: one QEMU run; leaves DIR/{serial,t4,t5,debugcon,stderr,status,seconds}.
boot() {
	local dir=$1 machine=$2 limit=$3 start end status
	shift 3
	mkdir -p "$dir"
	rm -f "$dir"/{serial,t4,t5,debugcon,stderr,status,seconds}
	start=$(date +%s.%N)
	set +e
	timeout --kill-after=5 "$limit" "$QEMU" -accel tcg -M "$machine" -nodefaults -no-user-config \
		-display none -serial "file:$dir/serial" \
		-chardev "file,id=t4,path=$dir/t4" -device isa-debugcon,iobase=0xf4,chardev=t4 \
		-chardev "file,id=t5,path=$dir/t5" -device isa-debugcon,iobase=0xf5,chardev=t5 \
		-chardev "file,id=dc,path=$dir/debugcon" -device isa-debugcon,iobase=0x402,chardev=dc \
		"$@" </dev/null >/dev/null 2>"$dir/stderr"
	status=$?
	set -e
	end=$(date +%s.%N)
	echo "$status" >"$dir/status"
	awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f\n", b - a }' >"$dir/seconds"
}

# probe DIR KEY: a fact the guest probe printed ("PROBE key=value").
probe() {
	sed -n "s/^PROBE $2=//p" "$1/serial" | tr -d '\r' | head -n1
}

# Every check also lands in $out/results.txt for tests/qemu/summary.sh.
finish() {
	[ -z "${out:-}" ] || printf '%s\n' "${results[@]}" >"$out/results.txt"
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
