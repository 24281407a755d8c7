/*
 * One QEMU process for fw-measure and access-count: spawned directly (no shell) with its log
 * (-D /dev/fd/3) on a pipe of its own, read line by line until the caller
 * has what it wants, QEMU exits, or the deadline passes; QEMU is killed
 * afterwards in every case, and on SIGINT/SIGTERM/SIGHUP.
 */
#ifndef FWM_RUN_H
#define FWM_RUN_H

#include <stdbool.h>

#define FWM_TRACE_FD 3

/* Called per complete log line (newline removed); true: stop reading. */
typedef bool (*fwm_line_fn)(char *line, void *ctx);

struct fwm_outcome {
	bool stopped;    /* the callback said stop */
	char what[128];  /* otherwise why not: timeout, QEMU's exit status */
	char tail[2048]; /* last bytes of QEMU's stdout and stderr */
};

/* 0 after a run (see out), -1 if QEMU could not be started (said on stderr). */
int fwm_run(char **argv, double timeout, fwm_line_fn fn, void *ctx, struct fwm_outcome *out);

#endif
