/*
 * --timeline: every point from one run. QEMU gets isa-debugcon pipes on
 * 0xf4 and 0xf5 and is killed when the probe arrives; each point's time is
 * when boot-loop read its byte (since fork), so no teardown is included and
 * phases are differences within each run. See mode.h.
 */
#include "mode.h"

#include "boot-trace.h"
#include "firstinsn.h"
#include "runner.h"
#include "trace-names.h"

#include <stdio.h>

struct known_point {
	struct exit_point p;
	const char *name;
};

/* In boot order; phases find fw_start, jump, start_kernel, start_user, probe. */
static const struct known_point known[] = {
	{ { TRACE_PORT_FW, TRACE_FW_START, STOP_KILL }, "fw_start" },
	{ { TRACE_PORT_FW, TRACE_FW_DO_BOOT, STOP_KILL }, "fw_do_boot" },
	{ { TRACE_PORT_LINUX, POINT_FIRST_WRITE, STOP_KILL }, "jump" },
	{ { TRACE_PORT_LINUX, TRACE_LINUX_START_KERNEL, STOP_KILL }, "start_kernel" },
	{ { TRACE_PORT_LINUX, TRACE_LINUX_START_USER, STOP_KILL }, "start_user" },
	{ { TRACE_PORT_LINUX, TRACE_USER_PROBE, STOP_KILL }, "probe" },
};

#define N_KNOWN (sizeof(known) / sizeof(known[0]))

/* One run to the probe per variant shows the points; an arm for each. */
static int timeline_setup(struct session *s, struct record *rec)
{
	struct launch_result r[2];

	/* Under qemu-trace fw_start is the firmware's own, never first_insn. */
	if (runner_discover(s, rec, r, !s->cfg->qemu_trace))
		return -1;
	for (int v = 0; v < s->n_variants && !s->interrupted; v++) {
		bool fi = s->variants[v].first_insn;

		/* The points seen; the three of the phases always, so failures show. */
		for (size_t k = 0; k < N_KNOWN; k++) {
			const struct exit_point *p = &known[k].p;
			bool core = p->value == POINT_FIRST_WRITE || p->value == TRACE_FW_START ||
				    p->value == TRACE_USER_PROBE;
			double t;
			int value;

			if (!core && !launch_byte_seen(&r[v], p, &t, &value))
				continue;
			/* No fw_start: QEMU's first instruction stands in for it (firstinsn.h). */
			if (fi && p->value == TRACE_FW_START && p->port == TRACE_PORT_FW) {
				if (session_add_arm(s, v, &firstinsn_point, "first_insn"))
					return -1;
			} else if (session_add_arm(s, v, p, known[k].name)) {
				return -1;
			}
		}
	}
	return 0;
}

/* One run of variant v; every arm of v gets its point's time or a failure. */
static int timeline_iteration(struct session *s, struct record *rec, int v, long it)
{
	bool warm = it < 0;
	long line = warm ? it + s->cfg->warmup : it;
	struct launch_result r;
	struct outcome run;

	if (runner_probe_run(s, rec, v, warm ? "warmup" : "run", line, &r, &run))
		return -1;
	if (s->interrupted || warm)
		return 0;
	for (int i = 0; i < s->n_arms; i++) {
		struct arm *a = &s->arms[i];
		struct launch_result at = r;
		struct outcome o = { .exit_code = run.exit_code };
		int value;

		if (a->variant != v)
			continue;
		if (launch_byte_seen(&r, &a->point, &at.exit.seconds, &value)) {
			o.ok = true;
			o.value = value;
			if (a->point.port == 0)
				snprintf(o.reason, sizeof(o.reason),
					 "first_insn (exec_tb; QEMU's own stamp %.2f ms)",
					 r.first_insn_stamp_s * 1e3);
			else
				snprintf(o.reason, sizeof(o.reason), "%s",
					 trace_point_name(value) ? trace_point_name(value)
								 : "value");
		} else {
			snprintf(o.reason, sizeof(o.reason), "%s",
				 run.ok ? "point not reached in this run" : run.reason);
		}
		at.stop_seen_s = at.exit.seconds;
		record_run(rec, line, "timeline", s->variants[v].label, a->name, &o, &at);
		if (session_record(a, it, &o, &at))
			return session_fail(s, "out of memory");
	}
	return 0;
}

const struct mode mode_timeline = { "timeline", timeline_setup, timeline_iteration, NULL, true };
