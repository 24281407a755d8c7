/*
 * --no-patch: times for firmwares without trace points (Debian's qboot.rom,
 * SeaBIOS), under TCG. QEMU logs `-trace exec_tb` with `-msg timestamp=on`,
 * whose first line is the first guest instruction (the reset vector) and
 * whose first line at the kernel's entry address (kernel-entry.h) is the
 * jump; the user-space probe still ends the run (0xf4 value 8, by kill).
 */
#ifndef NOPATCH_H
#define NOPATCH_H

#include "record.h"
#include "session.h"

#include <stdint.h>

/* Finds each variant's kernel entry and adds the arms; -1 after saying why. */
int nopatch_setup(struct session *s);

/* One run of variant v; its arms get their times or a failure. */
int nopatch_iteration(struct session *s, struct record *rec, int v, long it);

/* Removes the trace log. */
void nopatch_cleanup(void);

/* "18510@1795396325.901463:exec_tb tb:0x7f.. pc=0x1000850": 0, or -1 if not that. */
int nopatch_parse_exec_tb(const char *line, double *realtime, uint64_t *pc);

#endif
