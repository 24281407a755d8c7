/* Reads trace pipes and the first-instruction log; see trace-pipe.h. */
#include "trace-pipe.h"

#include "boot-trace.h"
#include "firstinsn.h"
#include "qemu-trace.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* One trace byte on pipe w, stamped at, read at seen: kept, and the run stopped at
 * a firmware error or the stop value. */
static void take(const struct launch_opts *o, struct launch_result *r, int w, int value,
		 double at, double seen, pid_t pid)
{
	if (r->n_bytes < LAUNCH_MAX_BYTES)
		r->bytes[r->n_bytes++] = (struct trace_byte){ value, w, at };
	if (r->stop_value >= 0 || r->error_value)
		return;
	/* The firmware writes errors to every trace port, then halts. */
	if (value >= TRACE_ERR_BASE && value <= TRACE_ERR_LAST) {
		r->error_value = value;
		kill(pid, SIGKILL);
	} else if (w == o->stop_watch && (o->stop_value == LAUNCH_ANY_VALUE || value == o->stop_value)) {
		r->stop_value = value;
		r->stop_seen_s = seen;
		kill(pid, SIGKILL);
	}
}

/*
 * QEMU's memory_region_ops_write log (qemu-trace.h): each write to a trace
 * port becomes a byte of that port's pipe number, stamped by QEMU's clock.
 */
static void qtrace_read(const struct launch_opts *o, struct launch_result *r,
			const unsigned char *buf, ssize_t n, double t, pid_t pid)
{
	for (ssize_t i = 0; i < n; i++) {
		double rt;
		unsigned port;
		int value;

		if (!launch_log_byte(r, buf[i]))
			continue;
		if (qtrace_parse(r->log_line, &rt, &port, &value))
			continue;
		take(o, r, port == TRACE_PORT_FW ? 0 : 1, value, rt - r->fork_realtime, t, pid);
	}
}

void trace_pipe_read(const struct launch_opts *o, struct launch_result *r, int w, int fd,
		     double t0, pid_t pid, int mon, bool *open_)
{
	unsigned char buf[4096];
	ssize_t n = read(fd, buf, sizeof(buf));
	struct timespec ts;
	double t;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	t = ts.tv_sec + ts.tv_nsec * 1e-9 - t0;
	if (n <= 0) {
		if (n == 0 || errno != EINTR)
			*open_ = false;
		return;
	}
	/* The log is drained to its end, so QEMU never blocks on a full pipe. */
	if (o->log_pipe && w == o->n_watch - 1) {
		if (!firstinsn_feed(r, buf, n, t))
			return;
		if (o->log_stop) {
			r->log_stopped = true;
			r->stop_seen_s = t;
			kill(pid, SIGKILL);
		} else if (mon >= 0 && o->monitor_cmd) {
			/* A few bytes into an empty socket never block; QEMU gone: no matter. */
			send(mon, o->monitor_cmd, strlen(o->monitor_cmd), MSG_DONTWAIT | MSG_NOSIGNAL);
		}
		return;
	}
	if (o->qtrace) {
		qtrace_read(o, r, buf, n, t, pid);
		return;
	}
	for (ssize_t i = 0; i < n; i++)
		take(o, r, w, buf[i], t, t, pid);
}
