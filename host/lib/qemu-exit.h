/* How one QEMU process ended (qemu-run.h fills it), and that said in words. */
#ifndef QEMU_EXIT_H
#define QEMU_EXIT_H

#include <stdbool.h>
#include <stddef.h>

/* How QEMU's process ended. */
struct qemu_exit {
	double seconds;        /* fork to reap */
	double fork_realtime;  /* CLOCK_REALTIME at fork, to place QEMU's own stamps */
	double fork_monotonic; /* CLOCK_MONOTONIC at fork: what seconds and t count from */
	int wait_status;       /* as from wait4; valid if reaped */
	bool reaped;
	bool stopped; /* killed because a callback said QEMU_RUN_STOP */
	bool timed_out;
	int interrupted;       /* SIGINT/SIGTERM/SIGHUP that ended the run, else 0 */
	int spawn_errno;       /* QEMU could not be started (exec's errno), else 0 */
	double user_s, sys_s;  /* QEMU's CPU time */
	char first_error[200]; /* QEMU's error line on stderr (without show_output), else "" */
	char tail[2048];       /* the last bytes of its stdout and stderr */
	/* qemu-run's own: the stderr line being read. */
	char err_line_[200];
	size_t err_len_;
	bool error_final_;
};

/* QEMU's exit code, or 128 + signal; -1 if not reaped. */
int qemu_exit_code(const struct qemu_exit *e);

/*
 * Why the run ended, in one phrase for a message: "QEMU exited with status 1:
 * qemu-system-x86_64: could not load PC BIOS 'x'", "timeout after 30 s", ...
 */
void qemu_exit_describe(const struct qemu_exit *e, double timeout_s, char *buf, size_t len);

#endif
