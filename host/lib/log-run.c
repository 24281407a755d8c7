/* QEMU's log, line by line, during the run; see log-run.h. */
#include "log-run.h"

#include <stdlib.h>

struct log_run {
	struct qemu_log_lines lines;
	qemu_log_line_fn fn;
	void *ctx;
	bool stopped;
};

static enum qemu_run_next on_data(void *ctx, const struct qemu_run_io *io, int chan,
				  const unsigned char *buf, size_t n, double t)
{
	struct log_run *l = ctx;

	(void)io, (void)chan, (void)t;
	/* After a stop the rest is QEMU's, read only so it never blocks. */
	if (!l->stopped)
		l->stopped = qemu_log_feed(&l->lines, buf, n, l->fn, l->ctx);
	return l->stopped ? QEMU_RUN_STOP : QEMU_RUN_GO_ON;
}

int log_run(char *const *argv, double timeout_s, qemu_log_line_fn fn, void *ctx,
	    struct qemu_exit *e, unsigned long *dropped)
{
	struct log_run *l = calloc(1, sizeof(*l));
	struct qemu_run_opts o = {
		.argv = argv, .n_chan = 1, .on_data = on_data, .ctx = l, .timeout_s = timeout_s
	};
	int rc;

	if (!l)
		return -1;
	l->fn = fn;
	l->ctx = ctx;
	rc = qemu_run(&o, e);
	if (dropped)
		*dropped = l->lines.dropped;
	free(l);
	return rc;
}
