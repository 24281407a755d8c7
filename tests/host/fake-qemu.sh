#!/usr/bin/env bash
# A stand-in for qemu-system-x86_64 that plays a boot with a patched kernel:
# trace bytes 1, 5 on 0xf5 and 3, 6, 7, 8 on 0xf4, a few ms apart, through
# the devices boot-loop asked for (isa-debug-exit: exit with the status;
# isa-debugcon: write to the chardev's file). FAKE_QEMU=segv crashes instead;
# FAKE_QEMU_LOG=FILE: each start appends the path it was started by to FILE.
set -u
[ -z "${FAKE_QEMU_LOG:-}" ] || echo "$0" >>"$FAKE_QEMU_LOG"
declare -A path_of port_file
exit_port=

for arg in "$@"; do
	case $arg in
	file,id=*,path=*)
		id=${arg#file,id=}
		path_of[${id%%,*}]=${arg##*,path=} ;;
	isa-debug-exit,iobase=*)
		exit_port=${arg#isa-debug-exit,iobase=}
		exit_port=${exit_port%%,*} ;;
	isa-debugcon,iobase=*)
		p=${arg#isa-debugcon,iobase=}
		port_file[${p%%,*}]=${arg##*chardev=} ;;
	esac
done
[ "${FAKE_QEMU:-}" = segv ] && kill -SEGV $$

# point PORT VALUE: what the guest's outb would do.
point() {
	if [ "$1" = "$exit_port" ]; then
		exit $((($2 << 1) | 1))
	fi
	if [ -n "${port_file[$1]:-}" ]; then
		printf "\\x$(printf %02x "$2")" >>"${path_of[${port_file[$1]}]}"
	fi
	sleep 0.01
}
point 0xf5 1
point 0xf5 5
point 0xf4 3
point 0xf4 6
point 0xf4 7
point 0xf4 8
sleep 1 # the probe powers off a while after its point
exit 0
