/* The profiled boot, its trace points and the symbols the probe sends; see boot.h. */
#include "boot.h"

#include "boot-trace.h"
#include "qemu-run.h"

#include <stdlib.h>
#include <string.h>

/* More than any kernel's text symbols (Debian's 6.1: about 5 MB). */
#define SYMBOLS_MAX (64u << 20)

struct watch {
	struct boot_result *r;
	unsigned port;
	int value;
	bool symbols;
	size_t cap;
};

/* Bytes of the symbols port; true once "# end" has come. */
static bool take_symbols(struct watch *w, const unsigned char *buf, size_t n)
{
	static const char end[] = "# end\n";
	struct boot_result *r = w->r;

	if (r->symbols_len + n + 1 > w->cap) {
		size_t cap = w->cap ? 2 * w->cap : 1u << 20;
		char *s;

		while (cap < r->symbols_len + n + 1)
			cap *= 2;
		if (cap > SYMBOLS_MAX || !(s = realloc(r->symbols, cap)))
			return true; /* what came is kept; the rest would not fit */
		r->symbols = s;
		w->cap = cap;
	}
	memcpy(r->symbols + r->symbols_len, buf, n);
	r->symbols_len += n;
	r->symbols[r->symbols_len] = '\0';
	if (r->symbols_len >= sizeof(end) - 1 &&
	    !memcmp(r->symbols + r->symbols_len - (sizeof(end) - 1), end, sizeof(end) - 1))
		r->symbols_done = true;
	return r->symbols_done;
}

static enum qemu_run_next on_data(void *ctx, const struct qemu_run_io *io, int chan,
				  const unsigned char *buf, size_t n, double t)
{
	struct watch *w = ctx;
	struct boot_result *r = w->r;
	unsigned port = chan == 0 ? TRACE_PORT_FW : TRACE_PORT_LINUX;

	(void)io;
	if (chan == 2)
		return take_symbols(w, buf, n) && r->reached ? QEMU_RUN_STOP : QEMU_RUN_GO_ON;
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
	/* With symbols, the stop is at their end (the plugin's table froze at the point). */
	if (r->error_value || (r->reached && (!w->symbols || r->symbols_done)))
		return QEMU_RUN_STOP;
	return QEMU_RUN_GO_ON;
}

int boot_run(char *const *argv, unsigned port, int value, bool symbols, double timeout_s,
	     bool show_output, struct boot_result *r)
{
	struct watch w = { r, port, value, symbols, 0 };
	struct qemu_run_opts o = { .argv = argv,
				   .n_chan = 3,
				   .on_data = on_data,
				   .ctx = &w,
				   .timeout_s = timeout_s,
				   .show_output = show_output,
				   .stop_gently = true };

	*r = (struct boot_result){ 0 };
	return qemu_run(&o, &r->exit);
}
