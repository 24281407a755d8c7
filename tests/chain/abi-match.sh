#!/usr/bin/env bash
# Checks that the trace values the Linux and SeaBIOS patches carry match the
# trace ABI header (include/boot-trace.h), the single source of truth:
#   tests/chain/abi-match.sh [BUILD]
# Each patch's BOOT_TRACE_X must equal the header's TRACE_X; each patch set
# must define the points it is responsible for and use them by name. With
# BUILD, the copies applied in BUILD/kernel-src and BUILD/seabios-src are
# checked too. Prints PASS/FAIL lines and "N passed, M failed".
set -euo pipefail
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"

build=${1:-}

[ -f "$ABI_HEADER" ] || { echo "abi-match: $ABI_HEADER not found" >&2; exit 1; }
# Both kinds of constant: a #define (the ports) and an X(...) list entry.
[ -n "$(abi TRACE_PORT_LINUX)" ] && [ -n "$(abi TRACE_FW_START)" ] ||
	{ echo "abi-match: no TRACE_* values parsed from $ABI_HEADER" >&2; exit 1; }

# compare WHAT FILE: every BOOT_TRACE_* define in FILE against the header.
compare() {
	local what=$1 file=$2 name value want n=0
	while read -r name value; do
		case $name in TRACE_*) ;; *) continue ;; esac
		n=$((n + 1))
		want=$(abi "$name")
		if [ -z "$want" ]; then
			bad "$what: BOOT_$name=$value is not in ${ABI_HEADER##*/}"
		elif [ "$want" -ne "$value" ]; then
			bad "$what: BOOT_$name=$value, ${ABI_HEADER##*/} has $name=$want"
		else
			ok "$what: BOOT_$name=$value matches"
		fi
	done < <(defines "$file" BOOT_)
	[ "$n" -gt 0 ] || bad "$what: defines no BOOT_TRACE_* value"
}

# required WHAT FILE NAME...: FILE defines each BOOT_NAME.
required() {
	local what=$1 file=$2 name
	shift 2
	for name in "$@"; do
		if defines "$file" BOOT_ | awk -v n="$name" '$1 == n { f = 1 } END { exit !f }'; then
			ok "$what: defines BOOT_$name"
		else
			bad "$what: does not define BOOT_$name"
		fi
	done
}

# by_name WHAT PATCHES...: every port write the patches add goes through a
# BOOT_TRACE_PORT_* name, and every trace call passes a BOOT_TRACE_* name,
# so no number can bypass the checked copy.
by_name() {
	local what=$1 lines
	shift
	lines=$(cat "$@" | grep -E '^\+' | grep -vE '^\+\+\+' | sed 's://.*$::; s:/\*.*\*/::g')
	if echo "$lines" | grep -E '\boutb\(' | grep -vqE '\boutb\([^,]*,[[:space:]]*BOOT_TRACE_PORT_[A-Z_]+\)'; then
		bad "$what: an added outb() uses a literal port"
	else
		ok "$what: added outb() calls name a BOOT_TRACE_PORT_* port"
	fi
	# Skips the helper's own definition: "boot_trace_point(u8 value)".
	if echo "$lines" | grep -E '\bboot_trace_point\(' |
		grep -vE '\bboot_trace_point\([[:alnum:]_]+[[:space:]]+[[:alnum:]_]+\)' |
		grep -vqE '\bboot_trace_point\(BOOT_TRACE_[A-Z_]+\)'; then
		bad "$what: a boot_trace_point() call passes a literal value"
	else
		ok "$what: boot_trace_point() calls pass BOOT_TRACE_* names"
	fi
}

for set in linux seabios; do
	mapfile -t patches < <(find "$KP_DIR/$set" -maxdepth 1 -name '*.patch' | sort)
	if [ ${#patches[@]} -eq 0 ]; then
		bad "$set: no patches in kernel-patches/$set"
		continue
	fi
	all=$(mktemp)
	cat "${patches[@]}" >"$all"
	compare "$set patches" "$all"
	# The points each patch set is responsible for.
	case $set in
	linux) required "$set patches" "$all" TRACE_PORT_LINUX TRACE_LINUX_START_KERNEL TRACE_LINUX_START_USER ;;
	seabios) required "$set patches" "$all" TRACE_PORT_FW TRACE_FW_START TRACE_FW_DO_BOOT ;;
	esac
	by_name "$set patches" "${patches[@]}"
	rm -f "$all"
done

# The copies as applied, when the trees exist.
if [ -n "$build" ]; then
	for f in "$build/kernel-src/include/linux/boot_trace.h" "$build/seabios-src/src/boottrace.h"; do
		if [ -f "$f" ]; then
			compare "applied ${f#"$build"/}" "$f"
		else
			echo "SKIP: $f not there (build it with make kernel / make seabios)"
		fi
	done
fi

finish
