#!/usr/bin/env bash
# Checks the project's C files against .clang-format (make format-check).
#
#   scripts/check-format.sh            names the files clang-format would change; exit 1 if any
#   scripts/check-format.sh --fix      formats them in place instead
#   scripts/check-format.sh FILE...    only these files (with or without --fix)
#
# CLANG_FORMAT=clang-format-19 picks another binary. Debian 12's clang-format
# (14) and Debian 13's (19) give the same verdict: .clang-format keeps to
# options both read the same way, and the one construct the two versions
# format differently (below, "version-sensitive") is refused outright.
# Exit status: 0 clean, 1 files to format or a version-sensitive construct,
# 2 no usable clang-format or a bad argument.
set -euo pipefail
cd "$(dirname "$0")/.."

# Nothing is kept out: include/boot-trace.h fences its X-macro lists (data that
# scripts read one entry a line) with clang-format off/on.
EXCLUDE=()

usage() { sed -n '2,14s/^# \{0,1\}//p' "$0"; }

fix=0
args=()
for a in "$@"; do
	case $a in
	--fix) fix=1 ;;
	-h | --help) usage; exit 0 ;;
	-*) echo "check-format: unknown option $a" >&2; usage >&2; exit 2 ;;
	*) args+=("$a") ;;
	esac
done

cf=${CLANG_FORMAT:-clang-format}
if ! command -v "$cf" >/dev/null 2>&1; then
	echo "check-format: $cf not found. Install Debian's clang-format package" \
		"(apt-get install clang-format; scripts/install-deps.sh should list it)." >&2
	exit 2
fi
version=$("$cf" --version 2>/dev/null || true)
major=$(printf '%s\n' "$version" | sed -n 's/.*version \([0-9][0-9]*\)\..*/\1/p' | head -n1)
if [ -z "$major" ] || [ "$major" -lt 14 ]; then
	echo "check-format: needs clang-format 14 or later; $cf says: ${version:-nothing}" >&2
	exit 2
fi
if [ ! -f .clang-format ]; then
	echo "check-format: no .clang-format at $(pwd)" >&2
	exit 2
fi

excluded() {
	local e
	case $1 in tests/fixtures/* | build/*) return 0 ;; esac
	for e in "${EXCLUDE[@]}"; do [ "$1" = "$e" ] && return 0; done
	return 1
}

tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.sum"' EXIT

files=()
if [ ${#args[@]} -gt 0 ]; then
	for f in "${args[@]}"; do
		[ -f "$f" ] || { echo "check-format: no file $f" >&2; exit 2; }
		files+=("${f#./}")
	done
else
	# Tracked files and new ones not yet added (not ignored); a file deleted
	# from the work tree but still in the index is skipped.
	if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		list() { git ls-files -z --cached --others --exclude-standard -- '*.c' '*.h'; }
	else
		list() { find . -path ./build -prune -o -type f \( -name '*.c' -o -name '*.h' \) -print0 | sed -z 's|^\./||'; }
	fi
	list | sort -zu >"$tmp"
	while IFS= read -r -d '' f; do
		[ -f "$f" ] && ! excluded "$f" && files+=("$f")
	done <"$tmp"
fi
if [ ${#files[@]} -eq 0 ]; then
	echo "check-format: no C files to check" >&2
	exit 2
fi

# "(x) - 1", "(x) * 1e3", "(v) & 0xff" where (x) is a parenthesized plain
# name: clang-format 14 takes (x) for a cast and writes "(x)-1", 19 does not
# inside a macro body (and not before "* number" or "& number" anywhere), so
# whichever version formats it, the other one disagrees. Also "(u32_t) - (y)",
# the other way round. Write it as (1e3 * (x)), (0xff & (v)), (((x) + (a)) - 1).
version_sensitive() {
	awk '
	function strip(s) {
		gsub(/"([^"\\]|\\.)*"/, "\"\"", s)
		gsub(/\047([^\047\\]|\\.)*\047/, "0", s)
		gsub(/\/\*([^*]|\*+[^*\/])*\*+\//, " ", s)
		sub(/\/\/.*/, "", s)
		return s
	}
	FNR == 1 { cont = 0; incomment = 0 }
	{
		s = $0
		if (incomment) {
			if (s !~ /\*\//) next
			sub(/^.*\*\//, "", s); incomment = 0
		}
		inmacro = cont || s ~ /^[ \t]*#[ \t]*define[ \t]/
		cont = inmacro && s ~ /\\[ \t]*$/
		s = strip(s)
		if (s ~ /\/\*/) { sub(/\/\*.*/, "", s); incomment = 1 }
		pre = ""
		while (match(s, /\([ \t]*[A-Za-z_][A-Za-z0-9_]*[ \t]*\)[ \t]*[-*&][ \t]*[A-Za-z0-9_(]/)) {
			m = substr(s, RSTART, RLENGTH)
			pre = pre substr(s, 1, RSTART - 1) "("
			s = substr(s, RSTART + 1)
			id = m; sub(/^\([ \t]*/, "", id); sub(/[ \t]*\).*$/, "", id)
			rest = m; sub(/^[^)]*\)[ \t]*/, "", rest)
			op = substr(rest, 1, 1); rhs = substr(rest, 2); sub(/^[ \t]*/, "", rhs)
			# after a name or "]" the parentheses are a call or an index: safe
			b = substr(pre, 1, length(pre) - 1); sub(/[ \t]+$/, "", b)
			if (b ~ /\]$/) continue
			if (match(b, /[A-Za-z_][A-Za-z0-9_]*$/)) {
				w = substr(b, RSTART)
				if (w != "return" && w != "case") continue
			}
			if (rhs ~ /^\(/)
				bad = id ~ /_t$/
			else if (id ~ /_t$/ || id ~ /^(void|char|short|int|long|float|double|signed|unsigned|_Bool|bool|const|volatile|struct|union|enum|sizeof|return|case)$/)
				bad = 0
			else
				bad = inmacro || (op != "-" && rhs ~ /^[0-9]/)
			if (bad) {
				line = $0; gsub(/^[ \t]+|[ \t]+$/, "", line)
				printf "%s:%d: %s\n", FILENAME, FNR, line
				n++
				break
			}
		}
	}
	END { exit n > 0 }' "$@"
}

check_sensitive() {
	local out
	if ! out=$(version_sensitive "${files[@]}"); then
		printf '%s\n' "$out" | sed 's/^/  /'
		echo "check-format: clang-format 14 and 19 format these differently (is the" \
			"parenthesized name a cast?); rewrite them, e.g. (1e3 * (x)) for ((x) * 1e3)," \
			"(0xff & (v)) for ((v) & 0xff), (((x) + (a)) - 1) for ((x) + (a) - 1)." >&2
		return 1
	fi
}

if [ $fix -eq 1 ]; then
	sha1sum -- "${files[@]}" >"$tmp.sum"
	"$cf" --style=file -i -- "${files[@]}"
	changed=$(sha1sum --quiet -c "$tmp.sum" 2>/dev/null | sed -n 's/: FAILED$//p' || true)
	if [ -n "$changed" ]; then
		printf '%s\n' "$changed" | sed 's/^/  formatted /'
	fi
	echo "check-format: $(printf '%s' "$changed" | grep -c . || true) of ${#files[@]} files" \
		"reformatted (clang-format $major)"
	check_sensitive || exit 1
	exit 0
fi

rc=0
out=$("$cf" --style=file --dry-run -Werror --ferror-limit=1 -- "${files[@]}" 2>&1) || rc=$?
bad=$(printf '%s\n' "$out" |
	sed -n 's/^\(.*\):[0-9][0-9]*:[0-9][0-9]*: \(error\|warning\): code should be clang-formatted.*/\1/p' |
	sort -u)
if [ $rc -ne 0 ] && [ -z "$bad" ]; then
	printf '%s\n' "$out" >&2
	echo "check-format: $cf failed (exit status $rc)" >&2
	exit 2
fi
status=0
if [ -n "$bad" ]; then
	while IFS= read -r f; do
		n=$("$cf" --style=file -- "$f" | diff -- "$f" - | grep -c '^>' || true)
		echo "  $f: $n lines to reformat"
	done <<<"$bad"
	echo "check-format: $(printf '%s\n' "$bad" | grep -c .) of ${#files[@]} files differ from" \
		".clang-format (clang-format $major); scripts/check-format.sh --fix rewrites them" >&2
	status=1
fi
check_sensitive || status=1
[ $status -eq 0 ] && echo "check-format: ${#files[@]} files follow .clang-format (clang-format $major)"
exit $status
