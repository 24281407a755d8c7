#!/usr/bin/env bash
# The boot matrix as make qemu-test left it: one row per boot (or bad-input
# case), its suite, and how many of its checks passed and failed, from each
# suite's results.txt (written by tests/lib.sh's finish). Markdown on stdout.
#   tests/qemu/summary.sh BUILD
set -euo pipefail
build=${1:-build}
shopt -s nullglob
files=("$build"/tests/qemu/*/results.txt)
[ ${#files[@]} -gt 0 ] || { echo "summary: no results under $build/tests/qemu (run make qemu-test)" >&2; exit 1; }
echo "| suite | boot | passed | failed | first failure |"
echo "|---|---|---:|---:|---|"
for f in "${files[@]}"; do
	suite=$(basename "$(dirname "$f")")
	# "PASS: name: what" -> per name, in order of first appearance
	awk -v suite="$suite" '
		{ st = $1; sub(/^(PASS|FAIL): /, ""); name = $0; sub(/: .*/, "", name)
		  if (!(name in seen)) { seen[name] = 1; order[++n] = name }
		  if (st == "PASS:") p[name]++; else { f[name]++; if (!(name in why)) why[name] = $0 } }
		END { for (i = 1; i <= n; i++) { k = order[i]
			w = why[k]; gsub(/\|/, "\\|", w)
			printf "| %s | %s | %d | %d | %s |\n", suite, k, p[k], f[k], substr(w, 1, 120) } }' "$f"
done
