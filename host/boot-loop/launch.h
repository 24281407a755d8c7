/*
 * One boot-loop run of QEMU on the library's supervisor (qemu-run.h): the
 * trace channels QEMU writes are read into a launch_result as they fill:
 * isa-debugcon pipes on the trace ports, or QEMU's own memory_region_ops_write
 * log (--timeline-source=qemu-trace), or the exec_tb log of a first-insn run
 * (firstinsn.h); QEMU is stopped at the point, at a firmware error, or at
 * the first exec_tb line.
 */
#ifndef LAUNCH_H
#define LAUNCH_H

#include "point.h"
#include "qemu-log.h"
#include "qemu-run.h"

#include <stdbool.h>

#define LAUNCH_MAX_WATCH 4
#define LAUNCH_MAX_BYTES 64
#define LAUNCH_ANY_VALUE (-1)

struct launch_opts {
	char *const *argv; /* argv[0]: QEMU, looked up in PATH if bare */
	int n_watch;       /* channels QEMU gets as QEMU_CHAN_FD + i */
	int stop_watch;    /* channel whose stop_value ends the run; -1: none */
	int stop_value;    /* a byte, or LAUNCH_ANY_VALUE */
	double timeout_s;
	bool show_output; /* QEMU's stdout/stderr pass through */
	/*
	 * First-instruction runs (firstinsn.h): the last channel carries QEMU's
	 * -D log, not trace bytes; at its first exec_tb line QEMU is killed
	 * (log_stop) or gets monitor_cmd on a socket at QEMU_CHAN_FD + n_watch.
	 */
	bool log_pipe;
	bool log_stop;
	const char *monitor_cmd; /* NULL: no monitor socket */
	/* --timeline-source=qemu-trace: channel 0 is QEMU's memory_region_ops_write log. */
	bool qtrace;
};

struct trace_byte {
	unsigned char value;
	unsigned char watch; /* which channel: 0 is 0xf5, 1 is 0xf4 (command.h) */
	double t;            /* seconds since fork: when read, or QEMU's stamp (qtrace) */
};

struct launch_result {
	struct qemu_exit exit; /* how QEMU's process ended */
	int stop_value;        /* the byte that stopped the run (QEMU killed), else -1 */
	double stop_seen_s;    /* when it was read, else -1 */
	int error_value;       /* firmware error value read from a channel, else 0 */
	struct trace_byte bytes[LAUNCH_MAX_BYTES]; /* in the order read */
	int n_bytes;
	double first_insn_s;       /* when the first exec_tb line was read, else -1 */
	double first_insn_stamp_s; /* QEMU's own stamp of it (since fork), else -1 */
	bool log_stopped;          /* QEMU killed at that line */
};

/* What launch_run reads with: the options, the result, the log's line buffer. */
struct launch_watch {
	const struct launch_opts *o;
	struct launch_result *r;
	struct qemu_log_lines lines;
	double t; /* when the bytes being fed were read */
	bool stop;
};

/* 0 if QEMU ran (see r for how it ended), -1 with errno if boot-loop itself failed. */
int launch_run(const struct launch_opts *o, struct launch_result *r);

/* An empty result and a watch on it, as launch_run starts them. */
void launch_watch_init(struct launch_watch *w, const struct launch_opts *o,
		       struct launch_result *r);

/* The supervisor's data callback (qemu_run_data_fn), ctx a launch_watch. */
enum qemu_run_next launch_watch_data(void *ctx, const struct qemu_run_io *io, int chan,
				     const unsigned char *buf, size_t n, double t);

/*
 * When p's byte (first on its port if p takes any value) was read in run r;
 * for first_insn (port 0) when its exec_tb line was.
 */
bool launch_byte_seen(const struct launch_result *r, const struct exit_point *p, double *t,
		      int *value);

#endif
