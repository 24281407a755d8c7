# Shared by the chain tests (patched kernel and SeaBIOS): counting, the trace
# ABI, and one QEMU boot with the trace ports captured to files.
# shellcheck shell=bash

QEMU=${QEMU:-qemu-system-x86_64}
CHAIN_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ABI_HEADER=${ABI_HEADER:-$CHAIN_TOP/include/boot-trace.h}
KP_DIR=${KP_DIR:-$CHAIN_TOP/kernel-patches}
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "PASS: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { # check DESCRIPTION COMMAND...: PASS or FAIL by the command's status
	local what=$1
	shift
	if "$@"; then ok "$what"; else bad "$what"; fi
}

finish() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}

# defines FILE [PREFIX]: "NAME VALUE" for each numeric #define in a C file, or
# in the added lines of a patch; PREFIX is dropped from names. Values are
# printed in decimal so 0xf4 and 244 compare equal.
defines() {
	sed -n -E 's/^\+?[[:space:]]*#[[:space:]]*define[[:space:]]+([A-Za-z_][A-Za-z0-9_]*)[[:space:]]+(0[xX][0-9a-fA-F]+|[0-9]+)([[:space:]].*)?$/\1 \2/p' "$1" |
		while read -r name value; do
			case $value in
			0[xX]*) value=$((value)) ;;
			*) value=$((10#$value)) ;; # "010" is ten, not octal eight
			esac
			echo "${name#"${2:-}"} $value"
		done
}

# abi NAME: a value from the trace ABI header, in decimal ("" if absent).
abi() {
	defines "$ABI_HEADER" | awk -v n="$1" '$1 == n { print $2; exit }'
}

# hexbytes FILE: the bytes of a trace capture as "01 05".
hexbytes() { od -An -tx1 -v "$1" 2>/dev/null | tr -s ' \n' ' ' | sed 's/^ //; s/ $//'; }

# hex2 VALUE...: decimal values as the two-digit hex that hexbytes prints.
hex2() { printf '%02x ' "$@" | sed 's/ $//'; }

# boot DIR TIMEOUT QEMU-ARGS...: one QEMU (TCG) run with the serial console
# and both trace ports captured; leaves DIR/{serial,t4,t5,stderr,status}.
boot() {
	local dir=$1 limit=$2 status
	shift 2
	mkdir -p "$dir"
	rm -f "$dir"/{serial,t4,t5,stderr,status}
	set +e
	timeout --kill-after=5 "$limit" "$QEMU" -accel tcg -nodefaults -no-user-config \
		-display none -serial "file:$dir/serial" \
		-chardev "file,id=t4,path=$dir/t4" -device isa-debugcon,iobase=0xf4,chardev=t4 \
		-chardev "file,id=t5,path=$dir/t5" -device isa-debugcon,iobase=0xf5,chardev=t5 \
		"$@" </dev/null >/dev/null 2>"$dir/stderr"
	status=$?
	set -e
	echo "$status" >"$dir/status"
}
