/*
 * The one boot boot-profile makes: QEMU (through the library's supervisor)
 * with the profile plugin, isa-debugcon channels on both trace ports and the
 * symbols port, and
 * the stop at the chosen point, where QEMU is asked to quit (SIGTERM) so
 * that the plugin writes its table.
 */
#ifndef BOOT_H
#define BOOT_H

#include "qemu-exit.h"

#include <stdbool.h>

#define BOOT_MAX_POINTS 32

/* A trace byte as it arrived. */
struct boot_point {
	unsigned port;
	int value;
	double t_s; /* when read, seconds since fork */
};

struct boot_result {
	struct qemu_exit exit;
	char *symbols; /* what came on TRACE_PORT_SYMBOLS (malloc'd), NUL-terminated */
	size_t symbols_len;
	bool symbols_done; /* its "# end" line came */
	struct boot_point points[BOOT_MAX_POINTS];
	int n_points;
	bool reached;    /* the stop point came */
	int error_value; /* a firmware error, else 0 */
};

/*
 * Runs argv, stopping at the first write of value (or any, if < 0) to port,
 * or with symbols at the end of the symbols that follow it (channel 2,
 * TRACE_PORT_SYMBOLS). Free r->symbols afterwards.
 */
int boot_run(char *const *argv, unsigned port, int value, bool symbols, double timeout_s,
	     bool show_output, struct boot_result *r);

#endif
