/* Reads trace pipes and the first-instruction log; see trace-pipe.h. */
#include "trace-pipe.h"

#include "boot-trace.h"
#include "firstinsn.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

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
	for (ssize_t i = 0; i < n; i++) {
		if (r->n_bytes < LAUNCH_MAX_BYTES)
			r->bytes[r->n_bytes++] = (struct trace_byte){ buf[i], w, t };
		if (r->stop_value >= 0 || r->error_value)
			continue;
		/* The firmware writes errors to every trace port, then halts. */
		if (buf[i] >= TRACE_ERR_BASE && buf[i] <= TRACE_ERR_LAST) {
			r->error_value = buf[i];
			kill(pid, SIGKILL);
		} else if (w == o->stop_watch &&
			   (o->stop_value == LAUNCH_ANY_VALUE || buf[i] == o->stop_value)) {
			r->stop_value = buf[i];
			r->stop_seen_s = t;
			kill(pid, SIGKILL);
		}
	}
}

