/*
 * Lines of `perf script` output for the qemu-boot-time method: either perf's
 * default text ("qemu 289741 [001] 55061.467070650: kvm:kvm_pio: pio_write
 * at 0xf5 size 1 count 1 val 0x1") or the Python-handler form of the
 * fixture ("kvm__kvm_pio 1 55061.467070650 289741 qemu rw=1, port=0xf5,
 * size=1, count=1, val=1").
 */
#ifndef PERF_PARSE_H
#define PERF_PARSE_H

#include <stdbool.h>
#include <stdint.h>

enum perf_kind { PERF_EXEC, PERF_ENTRY, PERF_PIO_WRITE };

struct perf_event {
	enum perf_kind kind;
	int64_t ns;    /* the timestamp, exactly, in nanoseconds */
	unsigned port; /* PERF_PIO_WRITE */
	unsigned value;
};

/* 1 if the line is one of the events above, 0 if not (reads, others), -1 if malformed. */
int perf_parse_line(const char *line, struct perf_event *e);

/*
 * Trace value to the current ABI (include/boot-trace.h). The fixture and
 * early qemu-boot-time used an older numbering: 0xf5 <- 1 fw_start,
 * 4 fw_do_boot; 0xf4 <- 3 linux_start_boot, 5 start_kernel, 6 start_user.
 * Returns the current value, or 0 if the port/value pair is no point.
 */
int perf_point_value(unsigned port, unsigned value, bool old_numbering);

#endif
