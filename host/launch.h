/*
 * Runs QEMU once: spawn without a shell, read the trace pipes QEMU writes
 * (isa-debugcon), stop on a trace value, a timeout or SIGINT/SIGTERM, and
 * time fork to reap with CLOCK_MONOTONIC.
 */
#ifndef LAUNCH_H
#define LAUNCH_H

#include <stdbool.h>

#define LAUNCH_MAX_WATCH 4
#define LAUNCH_MAX_BYTES 64
#define LAUNCH_ANY_VALUE (-1)

struct launch_opts {
	char *const *argv;	/* argv[0]: QEMU, looked up in PATH if bare */
	int n_watch;		/* pipes QEMU gets as QEMU_WATCH_FD + i */
	int stop_watch;		/* pipe whose stop_value ends the run; -1: none */
	int stop_value;		/* a byte, or LAUNCH_ANY_VALUE */
	double timeout_s;
	bool show_output;	/* keep QEMU's stdout/stderr */
	/*
	 * First-instruction runs (firstinsn.h): the last pipe carries QEMU's -D
	 * log, not trace bytes; at its first exec_tb line QEMU is killed
	 * (log_stop) or gets monitor_cmd on a socket at QEMU_WATCH_FD + n_watch.
	 */
	bool log_pipe;
	bool log_stop;
	const char *monitor_cmd;	/* NULL: no monitor socket */
	/* --timeline-source=qemu-trace: pipe 0 is QEMU's memory_region_ops_write log. */
	bool qtrace;
};

struct trace_byte {
	unsigned char value;
	unsigned char watch;	/* which pipe */
	double t;		/* seconds since fork, when read */
};

struct launch_result {
	double seconds;		/* fork to reap */
	double fork_realtime;	/* CLOCK_REALTIME at fork, to place QEMU's own timestamps */
	int wait_status;	/* as from wait4; valid if reaped */
	bool reaped;
	bool timed_out;
	int interrupted;	/* SIGINT/SIGTERM/SIGHUP that ended the run, else 0 */
	int stop_value;		/* the byte that stopped the run (QEMU killed), else -1 */
	double stop_seen_s;	/* when it was read, else -1 */
	int error_value;	/* firmware error value read from a pipe, else 0 */
	int spawn_errno;	/* QEMU could not be started (exec's errno), else 0 */
	struct trace_byte bytes[LAUNCH_MAX_BYTES];	/* in the order read */
	int n_bytes;
	double user_s, sys_s;	/* QEMU's CPU time */
	double first_insn_s;	/* when the first exec_tb line was read, else -1 */
	double first_insn_stamp_s;	/* QEMU's own stamp of it (since fork; in --output), else -1 */
	bool log_stopped;	/* QEMU killed at that line */
	char log_line[256];	/* the log line being read */
	int log_len;
};

/* Blocks SIGINT/SIGTERM/SIGHUP outside launch_run so they end a run cleanly. */
int launch_init(void);

/* 0 if QEMU ran (see r for how it ended), -1 if boot-loop itself failed. */
int launch_run(const struct launch_opts *o, struct launch_result *r);

/* SIGINT/SIGTERM/SIGHUP received or pending, else 0. */
int launch_stop_requested(void);

/* Adds byte c of QEMU's log to r's line buffer; true when c ended a line,
 * which is then NUL-terminated in r->log_line (too long lines are cut). */
bool launch_log_byte(struct launch_result *r, unsigned char c);

#endif
