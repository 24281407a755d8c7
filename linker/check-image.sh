#!/usr/bin/env bash
# Asserts bios.bin's layout: what QEMU needs to map and start it.
#   check-image.sh IMAGE ELF
set -euo pipefail
img=$1 elf=$2
fail() { echo "check-image: $img: $*" >&2; exit 1; }

size=$(stat -c %s "$img")
[ "$size" -eq 65536 ] || fail "size is $size bytes, not 65536"
# The last 16 bytes start with the reset jump (E9 rel16, near jmp).
op=$(od -An -tx1 -j 65520 -N1 "$img" | tr -d ' ')
[ "$op" = e9 ] || fail "no jump at the reset vector (byte 0x$op at 0xfff0)"
end=$(nm "$elf" | awk '$3 == "_end_of_code" { print $1 }')
init=$(nm "$elf" | awk '$3 == "reset_entry" { print $1 }')
[ -n "$end" ] && [ -n "$init" ] || fail "symbols _end_of_code/reset_entry missing"
[ $((16#$end)) -le $((16#$init)) ] || fail "code ends at 0x$end, past the init block at 0x$init"
# Used bytes: code and data from the start, plus what the init block holds
# (its 16-bit code and GDT, and the 16-byte reset vector); the rest is padding.
init_used=$(size -A "$elf" | awk '$1 == ".init16" { print $2 }')
code=$((16#$end - 0xffff0000))
used=$((code + init_used + 16))
echo "bios.bin: 65536 bytes, $used used (code and data $code, init block $init_used + reset vector 16)"
