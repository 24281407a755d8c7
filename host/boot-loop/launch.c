/* Reads a run's trace channels into its result; see launch.h. */
#include "launch.h"

#include "boot-trace.h"
#include "command.h"

#include <string.h>

static bool is_error(int value)
{
	return value >= TRACE_ERR_BASE && value <= TRACE_ERR_LAST;
}

/* One trace byte on channel w, stamped at, read at seen: kept, and the run
 * stopped at a firmware error or the stop value. */
static void take(struct launch_watch *w, int chan, int value, double at, double seen)
{
	const struct launch_opts *o = w->o;
	struct launch_result *r = w->r;

	if (r->n_bytes < LAUNCH_MAX_BYTES)
		r->bytes[r->n_bytes++] = (struct trace_byte){ value, chan, at };
	if (r->stop_value >= 0 || r->error_value)
		return;
	/* The firmware writes errors to every trace port, then halts. */
	if (is_error(value)) {
		r->error_value = value;
		w->stop = true;
	} else if (chan == o->stop_watch &&
		   (o->stop_value == LAUNCH_ANY_VALUE || value == o->stop_value)) {
		r->stop_value = value;
		r->stop_seen_s = seen;
		w->stop = true;
	}
}

/*
 * QEMU's memory_region_ops_write log: each size-1 write to a trace port
 * becomes a byte of that port's channel, stamped by QEMU's clock.
 */
static bool qtrace_line(void *ctx, const char *line)
{
	struct launch_watch *w = ctx;
	struct qemu_log_event e;

	if (qemu_log_parse(line, &e) || e.kind != QLOG_MR_WRITE || !e.stamped || e.size != 1 ||
	    e.value > 0xff || (e.addr != TRACE_PORT_FW && e.addr != TRACE_PORT_LINUX))
		return false;
	take(w, e.addr == TRACE_PORT_FW ? 0 : 1, (int)e.value,
	     e.realtime - w->r->exit.fork_realtime, w->t);
	return false;
}

/* The first exec_tb line of a first-insn run's log: true once, then stop reading. */
static bool exec_tb_line(void *ctx, const char *line)
{
	struct launch_watch *w = ctx;
	struct qemu_log_event e;

	/* Whatever else QEMU logs (the user's own -trace) is no instruction. */
	if (qemu_log_parse(line, &e) || e.kind != QLOG_EXEC_TB || !e.stamped)
		return false;
	w->r->first_insn_s = w->t;
	w->r->first_insn_stamp_s = e.realtime - w->r->exit.fork_realtime;
	return true;
}

enum qemu_run_next launch_watch_data(void *ctx, const struct qemu_run_io *io, int chan,
				     const unsigned char *buf, size_t n, double t)
{
	struct launch_watch *w = ctx;
	const struct launch_opts *o = w->o;

	w->t = t;
	/* The monitor's banner and answers: read so QEMU never blocks, not trace bytes. */
	if (chan >= o->n_watch)
		return w->stop ? QEMU_RUN_STOP : QEMU_RUN_GO_ON;
	/* The log is drained to its end, so QEMU never blocks on a full pipe. */
	if (o->log_pipe && chan == o->n_watch - 1) {
		if (w->r->first_insn_s >= 0 || !qemu_log_feed(&w->lines, buf, n, exec_tb_line, w))
			return w->stop ? QEMU_RUN_STOP : QEMU_RUN_GO_ON;
		if (o->log_stop) {
			w->r->log_stopped = true;
			w->r->stop_seen_s = t;
			w->stop = true;
		} else if (o->monitor_cmd) {
			qemu_run_send(io, o->n_watch, o->monitor_cmd);
		}
	} else if (o->qtrace) {
		qemu_log_feed(&w->lines, buf, n, qtrace_line, w);
	} else {
		for (size_t i = 0; i < n; i++)
			take(w, chan, buf[i], t, t);
	}
	return w->stop ? QEMU_RUN_STOP : QEMU_RUN_GO_ON;
}

void launch_watch_init(struct launch_watch *w, const struct launch_opts *o, struct launch_result *r)
{
	*r = (struct launch_result){
		.stop_value = -1, .stop_seen_s = -1, .first_insn_s = -1, .first_insn_stamp_s = -1
	};
	*w = (struct launch_watch){ .o = o, .r = r };
}

int launch_run(const struct launch_opts *o, struct launch_result *r)
{
	struct launch_watch w;
	struct qemu_run_opts q = { .argv = o->argv,
				   .n_chan = o->n_watch,
				   .on_data = launch_watch_data,
				   .ctx = &w,
				   .timeout_s = o->timeout_s,
				   .show_output = o->show_output };
	launch_watch_init(&w, o, r);
	if (o->monitor_cmd) {
		q.socket_mask = 1u << o->n_watch;
		q.n_chan++;
	}
	return qemu_run(&q, &r->exit);
}

bool launch_byte_seen(const struct launch_result *r, const struct exit_point *p, double *t,
		      int *value)
{
	int watch = command_stop_watch(p);

	if (p->port == 0) {
		*t = r->first_insn_s;
		*value = TRACE_FW_START; /* first_insn stands in for it */
		return r->first_insn_s >= 0;
	}
	for (int i = 0; i < r->n_bytes; i++) {
		int v = r->bytes[i].value;

		/* Error values go to every port; they are no point. */
		if (r->bytes[i].watch != watch || is_error(v))
			continue;
		if (p->value == POINT_FIRST_WRITE || v == p->value) {
			*t = r->bytes[i].t;
			*value = v;
			return true;
		}
	}
	return false;
}
