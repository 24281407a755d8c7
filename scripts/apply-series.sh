#!/usr/bin/env bash
# Applies a patch series to a source tree once:
#   scripts/apply-series.sh SRCDIR PATCHDIR
# PATCHDIR/series lists the patches in order (quilt's format: one file name
# per line, # comments). SRCDIR/.bootkit-applied keeps copies of what was
# applied: the same series again is a no-op; a changed series is first
# reversed with the kept copies, then the new one is applied, so the tree
# never needs unpacking again and unchanged files keep their time stamps.
set -euo pipefail

die() { echo "apply-series: $*" >&2; exit 1; }

[ $# -eq 2 ] || { echo "usage: $0 SRCDIR PATCHDIR" >&2; exit 2; }
src=$1
pdir=$2
stamp=$src/.bootkit-applied

[ -d "$src" ] || die "$src is not a directory"
[ -f "$pdir/series" ] || die "$pdir/series not found"
mapfile -t patches < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$pdir/series")
[ ${#patches[@]} -gt 0 ] || die "$pdir/series lists no patches"
for p in "${patches[@]}"; do
	[ -f "$pdir/$p" ] || die "$pdir/series names $p, which does not exist"
done

# Same names, same order, same bytes: nothing to do.
same=1
if [ -f "$stamp/series" ]; then
	mapfile -t old < "$stamp/series"
	[ "${old[*]}" = "${patches[*]}" ] || same=0
	for p in "${patches[@]}"; do
		cmp -s "$pdir/$p" "$stamp/$p" || same=0
	done
else
	old=()
	same=0
fi
if [ "$same" -eq 1 ]; then
	echo "apply-series: $src already has the series from $pdir"
	exit 0
fi

# -N: a patch that looks applied already is an error, not a silent reverse.
run_patch() {
	patch -d "$src" -p1 -N --no-backup-if-mismatch -s "$@"
}

if [ ${#old[@]} -gt 0 ]; then
	echo "apply-series: series changed, reversing the one applied before"
	for ((i = ${#old[@]} - 1; i >= 0; i--)); do
		run_patch -R <"$stamp/${old[i]}" ||
			die "cannot reverse ${old[i]} in $src; remove $src and run again"
	done
fi
rm -rf "$stamp"

# A failure part way leaves the tree half patched: say so, and how to recover.
for p in "${patches[@]}"; do
	echo "apply-series: applying $p"
	run_patch <"$pdir/$p" || die "$p does not apply to $src; remove $src and run again"
done

rm -rf "$stamp.tmp"
mkdir -p "$stamp.tmp"
for p in "${patches[@]}"; do
	cp "$pdir/$p" "$stamp.tmp/$p"
done
printf '%s\n' "${patches[@]}" >"$stamp.tmp/series"
mv "$stamp.tmp" "$stamp"
