/*
 * --timeline-source=qemu-trace: the trace points from QEMU's own log instead
 * of isa-debugcon devices. QEMU runs with `-trace memory_region_ops_write
 * -msg timestamp=on -D /dev/fd/3` (a pipe); every size-1 write to 0xf4 or
 * 0xf5 is a point, timed by QEMU's stamp (CLOCK_REALTIME, microseconds)
 * minus boot-loop's CLOCK_REALTIME at fork. boot-loop reads the pipe as it
 * fills and kills QEMU at the stop value, as with the debugcon pipes.
 */
#ifndef QEMU_TRACE_H
#define QEMU_TRACE_H

/*
 * "27459@1795400348.859655:memory_region_ops_write cpu 0 mr 0x5648.. addr
 * 0xf4 value 0x4 size 1 name 'io'": 0 with QEMU's realtime stamp, the port
 * and the byte; -1 for any other line (other events, ports or sizes, no stamp).
 */
int qtrace_parse(const char *line, double *realtime, unsigned *port, int *value);

#endif
