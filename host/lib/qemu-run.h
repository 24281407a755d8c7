/*
 * The one QEMU supervisor of the host tools: runs QEMU once, without a shell,
 * with channels of its own (pipes it writes, such as isa-debugcon chardevs or
 * its -D log, and socket pairs such as a monitor) handed over as descriptors
 * QEMU_CHAN_FD + i, reads them as they fill, and ends the run when the
 * caller has what it wants (killed, or asked to quit), at a deadline, or on
 * SIGINT/SIGTERM/SIGHUP.
 * Times fork to reap with CLOCK_MONOTONIC. QEMU is always killed and reaped
 * before qemu_run returns, and dies with the tool if the tool dies.
 */
#ifndef QEMU_RUN_H
#define QEMU_RUN_H

#include "qemu-exit.h"

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* QEMU gets channel i as this descriptor plus i ("/dev/fd/N", "fd=N"). */
#define QEMU_CHAN_FD 3
#define QEMU_RUN_MAX_CHAN 6

/* What a data callback wants next. */
enum qemu_run_next { QEMU_RUN_GO_ON, QEMU_RUN_STOP };

/* The live run, as callbacks see it: to answer on a socket channel. */
struct qemu_run_io {
	pid_t pid;
	int fd[QEMU_RUN_MAX_CHAN]; /* our ends, -1 once closed */
};

/*
 * Bytes read from channel chan at t (seconds since fork). QEMU_RUN_STOP:
 * the caller has what it wants, QEMU is killed now. Called for data that
 * arrives after QEMU has exited too (its return then no longer matters).
 */
typedef enum qemu_run_next (*qemu_run_data_fn)(void *ctx, const struct qemu_run_io *io, int chan,
					       const unsigned char *buf, size_t n, double t);

struct qemu_run_opts {
	char *const *argv;    /* argv[0]: QEMU, looked up in PATH if bare */
	int n_chan;           /* channels, at most QEMU_RUN_MAX_CHAN */
	unsigned socket_mask; /* bit i: channel i is a socket pair, not a pipe */
	qemu_run_data_fn on_data;
	void *ctx;
	double timeout_s;
	bool show_output; /* QEMU's stdout/stderr pass through; else kept below */
	/*
	 * At QEMU_RUN_STOP, the deadline or a stop signal send SIGTERM, not
	 * SIGKILL: QEMU shuts down cleanly (plugins' at-exit callbacks run) and
	 * is killed only if it has not ended QEMU_RUN_GRACE_S later (or at a
	 * second stop signal).
	 */
	bool stop_gently;
};

#define QEMU_RUN_GRACE_S 10.0

/* Blocks SIGINT/SIGTERM/SIGHUP/SIGCHLD outside qemu_run so they end a run cleanly. */
int qemu_run_init(void);

/* 0 if QEMU ran (see e for how it ended), -1 with errno if the tool itself failed. */
int qemu_run(const struct qemu_run_opts *o, struct qemu_exit *e);

/* SIGINT/SIGTERM/SIGHUP received or pending, else 0. */
int qemu_run_stop_requested(void);

/* Sends text on a socket channel (a monitor command); QEMU gone is no error. */
void qemu_run_send(const struct qemu_run_io *io, int chan, const char *text);

#endif
