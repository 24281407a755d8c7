#!/usr/bin/env bash
# The trace ABI's tables in README.md and host/boot-loop/boot-loop.1, from the
# lists in include/boot-trace.h (scripts/abi-doc.c prints them).
#   scripts/abi-doc.sh [--check] BUILD
# Rewrites what lies between each file's abi-doc markers ("abi-doc: points
# begin" ... "abi-doc: points end", the same for errors); with --check changes
# nothing and exits 1 with a diff if a file differs. ABI_DOC names a built
# abi-doc program; without it the program is built in BUILD/scripts.
set -euo pipefail
cd "$(dirname "$0")/.."

check=
if [ "${1:-}" = --check ]; then
	check=1
	shift
fi
[ $# -eq 1 ] || { echo "usage: $0 [--check] BUILD" >&2; exit 2; }
build=$1

prog=${ABI_DOC:-}
if [ -z "$prog" ]; then
	prog=$build/scripts/abi-doc
	if [ ! -x "$prog" ] || [ scripts/abi-doc.c -nt "$prog" ] || [ include/boot-trace.h -nt "$prog" ]; then
		mkdir -p "$(dirname "$prog")"
		"${HOST_CC:-gcc}" -O2 -std=gnu11 -Wall -Wextra -Werror -Iinclude -o "$prog" scripts/abi-doc.c
	fi
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# fill FILE FORMAT BEGIN-PREFIX BEGIN-SUFFIX: FILE with each table's marker
# pair ("<prefix>abi-doc: points begin<suffix>") holding the generated table;
# fails if a pair is missing, unclosed or doubled.
fill() {
	local file=$1 format=$2 pre=$3 suf=$4 table in=$1 out
	for table in points errors; do
		"$prog" "$format" "$table" >"$tmp/table"
		[ -s "$tmp/table" ] || { echo "abi-doc: $prog printed no $table table" >&2; exit 1; }
		if [ "$format" = markdown ]; then # blank lines: the table is its own block
			{ echo; cat "$tmp/table"; echo; } >"$tmp/table.block"
			mv "$tmp/table.block" "$tmp/table"
		fi
		out=$tmp/$table.$(basename "$file")
		# ENVIRON, not -v: awk would take the roff marker's \" for an escape
		BEGIN_MARK="${pre}abi-doc: $table begin$suf" END_MARK="${pre}abi-doc: $table end$suf" \
			TABLE=$tmp/table FILE=$file awk '
			function fail(msg) { print "abi-doc: " ENVIRON["FILE"] ": " msg >"/dev/stderr"; bad = 1; exit 1 }
			$0 == ENVIRON["BEGIN_MARK"] {
				if (seen++) fail("\"" $0 "\" twice")
				print
				while ((getline l <ENVIRON["TABLE"]) > 0) print l
				inside = 1
				next
			}
			$0 == ENVIRON["END_MARK"] {
				if (!inside) fail("\"" $0 "\" without its begin")
				inside = 0
			}
			!inside { print }
			END {
				if (bad) exit 1
				if (!seen) fail("no \"" ENVIRON["BEGIN_MARK"] "\" marker")
				if (inside) fail("no \"" ENVIRON["END_MARK"] "\" marker")
			}' "$in" >"$out"
		in=$out
	done
	cp "$in" "$tmp/new"
}

status=0
# update FILE FORMAT MARKER-PREFIX MARKER-SUFFIX
update() {
	local file=$1
	fill "$@"
	if cmp -s "$file" "$tmp/new"; then
		return
	elif [ -n "$check" ]; then
		echo "abi-doc: $file does not match include/boot-trace.h (make abi-doc rewrites it):"
		diff -u "$file" "$tmp/new" || true
		status=1
	else
		cat "$tmp/new" >"$file" # in place: keeps the file's mode
		echo "abi-doc: rewrote the tables in $file"
	fi
}
update README.md markdown '<!-- ' ' -->'
update host/boot-loop/boot-loop.1 roff '.\" ' ''
exit $status
