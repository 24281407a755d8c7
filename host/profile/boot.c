/* The profiled boot and its trace points; see boot.h. */
#include "boot.h"

#include "boot-trace.h"
#include "qemu-run.h"

struct watch {
	struct boot_result *r;
	unsigned port;
	int value;
};

static enum qemu_run_next on_data(void *ctx, const struct qemu_run_io *io, int chan,
				  const unsigned char *buf, size_t n, double t)
{
	struct watch *w = ctx;
	struct boot_result *r = w->r;
	unsigned port = chan == 0 ? TRACE_PORT_FW : TRACE_PORT_LINUX;

	(void)io;
	for (size_t i = 0; i < n; i++) {
		int v = buf[i];

		if (r->n_points < BOOT_MAX_POINTS)
			r->points[r->n_points++] = (struct boot_point){ port, v, t };
		if (r->reached || r->error_value)
			continue;
		if (v >= TRACE_ERR_BASE && v <= TRACE_ERR_LAST)
			r->error_value = v;
		else if (port == w->port && (w->value < 0 || v == w->value))
			r->reached = true;
	}
	return r->reached || r->error_value ? QEMU_RUN_STOP : QEMU_RUN_GO_ON;
}

int boot_run(char *const *argv, unsigned port, int value, double timeout_s, bool show_output,
	     struct boot_result *r)
{
	struct watch w = { r, port, value };
	struct qemu_run_opts o = { .argv = argv,
				   .n_chan = 2,
				   .on_data = on_data,
				   .ctx = &w,
				   .timeout_s = timeout_s,
				   .show_output = show_output,
				   .stop_gently = true };

	*r = (struct boot_result){ 0 };
	return qemu_run(&o, &r->exit);
}
