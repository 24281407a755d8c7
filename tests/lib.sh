# The one library of the shell tests (tests/qemu, tests/chain, tests/host,
# tests/bench): PASS/FAIL counting, the trace ABI read from its header, one
# QEMU boot with every port captured, the guest probe's facts, and the
# kit's rule for a kernel command line on microvm. Sourced, never run:
#   . tests/lib.sh            (from the top of the tree)
#   . "$(dirname "$0")/../lib.sh"
# shellcheck shell=bash

TESTS_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
QEMU=${QEMU:-qemu-system-x86_64}
ABI_HEADER=${ABI_HEADER:-$TESTS_TOP/include/boot-trace.h}
KP_DIR=${KP_DIR:-$TESTS_TOP/kernel-patches}

# ---- counting ---------------------------------------------------------------
pass=0
fail=0
results=()
ok() { pass=$((pass + 1)); results+=("PASS: $*"); echo "PASS: $*"; }
bad() { fail=$((fail + 1)); results+=("FAIL: $*"); echo "FAIL: $*"; }
# check DESCRIPTION COMMAND...: PASS or FAIL by the command's status.
check() {
	local what=$1
	shift
	if "$@"; then ok "$what"; else bad "$what"; fi
}
# finish [RESULTS-FILE]: "N passed, M failed", status 0 only if none failed;
# with a file, every PASS/FAIL line also goes there (tests/qemu/summary.sh
# reads BUILD/tests/qemu/*/results.txt).
finish() {
	[ -z "${1:-}" ] || printf '%s\n' "${results[@]}" >"$1"
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
# json_true FILE EXPR: a Python expression over the JSON file, as j, is true.
json_true() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); sys.exit(0 if ($2) else 1)" "$1"; }

# ---- the trace ABI ----------------------------------------------------------
# number VALUE: a C integer literal (0xf4, 244) in decimal; "010" is ten.
number() {
	case $1 in
	0[xX]*) echo $(($1)) ;;
	*) echo $((10#$1)) ;;
	esac
}

# defines FILE [PREFIX]: "NAME VALUE" for each numeric #define in a C file, or
# in the added lines of a patch; PREFIX is dropped from names. Values are
# printed in decimal so 0xf4 and 244 compare equal.
defines() {
	local name value
	sed -n -E 's/^\+?[[:space:]]*#[[:space:]]*define[[:space:]]+([A-Za-z_][A-Za-z0-9_]*)[[:space:]]+(0[xX][0-9a-fA-F]+|[0-9]+)([[:space:]].*)?$/\1 \2/p' "$1" |
		while read -r name value; do
			echo "${name#"${2:-}"} $(number "$value")"
		done
}

# abi_values: "NAME VALUE" (decimal) for every constant of the ABI header:
# its numeric #defines (TRACE_PORT_*, TRACE_ERR_BASE), one TRACE_<NAME> per
# X(NAME, VALUE, ...) line of its two lists, and TRACE_ERR_LAST, which the
# header computes: the value of the last entry of BOOT_TRACE_ERRORS.
abi_values() {
	local name value
	defines "$ABI_HEADER"
	awk '
		/^#define BOOT_TRACE_POINTS\(/ { list = "points"; next }
		/^#define BOOT_TRACE_ERRORS\(/ { list = "errors"; next }
		list != "" && /^[ \t]*X\(/ {
			s = $0; sub(/^[ \t]*X\([ \t]*/, "", s); split(s, f, /[ \t]*,[ \t]*/)
			print "TRACE_" f[1], f[2]
			if (list == "errors") last = f[2]
			next
		}
		{ list = "" }
		END { if (last != "") print "TRACE_ERR_LAST", last }
	' "$ABI_HEADER" | while read -r name value; do
		echo "$name $(number "$value")"
	done
}

# abi NAME: a value from the trace ABI header in decimal, "" if it has none
# (abi TRACE_FW_START is 1, abi TRACE_PORT_LINUX 244).
abi() {
	abi_values | awk -v n="$1" '$1 == n { print $2; exit }'
}

# hexbytes FILE: the bytes of a trace capture as "01 05".
hexbytes() { od -An -tx1 -v "$1" 2>/dev/null | tr -s ' \n' ' ' | sed 's/^ //; s/ $//'; }

# hex2 VALUE...: decimal values as the two-digit hex that hexbytes prints.
hex2() { printf '%02x ' "$@" | sed 's/ $//'; }

# ---- booting ----------------------------------------------------------------
# cmdline_for MACHINE [APPEND]: the kernel command line to give QEMU's
# -append on MACHINE ("microvm" or "microvm,acpi=off" alike): APPEND, plus
# tsc_early_khz=2000000 on microvm unless APPEND sets it. Under TCG the
# microvm kernel has no PIT or HPET to calibrate its TSC against and hangs
# in about half of the boots (DESIGN.md section 6). The scripts' one copy of
# the rule; boot-loop's is host/lib/qemu-cmd.c (qemu_cmd_append).
cmdline_for() {
	local machine=${1%%,*} append=${2:-}
	if [ "$machine" = microvm ] && [[ $append != *tsc_early_khz=* ]]; then
		append="${append:+$append }tsc_early_khz=2000000"
	fi
	echo "$append"
}

# boot DIR MACHINE TIMEOUT QEMU-ARGS...: one QEMU (TCG) run of -M MACHINE
# with the serial console, both trace ports (isa-debugcon on 0xf4, 0xf5) and
# the firmware's debug console (0x402) captured to files; leaves
# DIR/{serial,t4,t5,debugcon,stderr,status,seconds}. Status 124: timed out.
boot() {
	local dir=$1 machine=$2 limit=$3 start end status=0
	shift 3
	mkdir -p "$dir"
	rm -f "$dir"/{serial,t4,t5,debugcon,stderr,status,seconds}
	start=$(date +%s.%N)
	timeout --kill-after=5 "$limit" "$QEMU" -accel tcg -M "$machine" -nodefaults -no-user-config \
		-display none -serial "file:$dir/serial" \
		-chardev "file,id=t4,path=$dir/t4" -device isa-debugcon,iobase=0xf4,chardev=t4 \
		-chardev "file,id=t5,path=$dir/t5" -device isa-debugcon,iobase=0xf5,chardev=t5 \
		-chardev "file,id=dc,path=$dir/debugcon" -device isa-debugcon,iobase=0x402,chardev=dc \
		"$@" </dev/null >/dev/null 2>"$dir/stderr" || status=$?
	end=$(date +%s.%N)
	echo "$status" >"$dir/status"
	awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f\n", b - a }' >"$dir/seconds"
}

# probe DIR KEY: a fact the guest probe printed in a boot's DIR/serial
# ("PROBE key=value"), "" if it printed none.
probe() {
	sed -n "s/^PROBE $2=//p" "$1/serial" | tr -d '\r' | head -n1
}
