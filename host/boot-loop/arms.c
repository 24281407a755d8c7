/*
 * The modes that run each arm on its own, one QEMU run per arm and
 * iteration: --exit (one point) and --phases (fw_start or first_insn, jump,
 * the kernel's points if it writes them, probe). See mode.h.
 */
#include "mode.h"

#include "boot-trace.h"
#include "firstinsn.h"
#include "runner.h"

static const char *point_label(const struct arm *a, char *buf, size_t len)
{
	if (a->name)
		return a->name;
	point_format(&a->point, buf, len);
	return buf;
}

/* Every arm of variant v once; it < 0 is a warm-up. */
static int arms_iteration(struct session *s, struct record *rec, int v, long it)
{
	for (int k = 0; k < s->n_arms && !s->interrupted; k++) {
		struct arm *a = &s->arms[k];
		struct launch_result r;
		struct outcome out;
		char label[32];

		if (a->variant != v)
			continue;
		if ((s->interrupted = qemu_run_stop_requested()))
			break;
		if (runner_run(s, rec, v, a->argv, &a->point, it < 0 ? "warmup" : "run",
			       point_label(a, label, sizeof(label)),
			       it < 0 ? it + s->cfg->warmup : it, &r, &out))
			return -1;
		if (!r.exit.interrupted && it >= 0 && session_record(a, it, &out, &r))
			return session_fail(s, "out of memory");
	}
	return 0;
}

static int exit_setup(struct session *s, struct record *rec)
{
	(void)rec;
	for (int v = 0; v < s->n_variants; v++)
		if (session_add_arm(s, v, &s->cfg->exit, NULL))
			return -1;
	return 0;
}

/* Every phase point is stopped alike (kill, pipes on both ports): see boot-loop.1. */
static int phases_setup(struct session *s, struct record *rec)
{
	static const struct exit_point fw = { TRACE_PORT_FW, POINT_FIRST_WRITE, STOP_KILL };
	static const struct exit_point jump = { TRACE_PORT_LINUX, POINT_FIRST_WRITE, STOP_KILL };
	static const struct exit_point kern = { TRACE_PORT_LINUX, TRACE_LINUX_START_KERNEL,
						STOP_KILL };
	static const struct exit_point user = { TRACE_PORT_LINUX, TRACE_LINUX_START_USER,
						STOP_KILL };
	static const struct exit_point probe = { TRACE_PORT_LINUX, TRACE_USER_PROBE, STOP_KILL };
	struct launch_result r[2];

	if (runner_discover(s, rec, r, true))
		return -1;
	for (int v = 0; v < s->n_variants && !s->interrupted; v++) {
		double t;
		int value;
		/* The kernel's own points (6, 7), if the discovery run showed them. */
		bool has_kern = launch_byte_seen(&r[v], &kern, &t, &value);
		bool has_user = launch_byte_seen(&r[v], &user, &t, &value);
		bool fi = s->variants[v].first_insn;

		if (session_add_arm(s, v, fi ? &firstinsn_point : &fw,
				    fi ? "first_insn" : "fw_start") ||
		    session_add_arm(s, v, &jump, "jump") ||
		    (has_kern && session_add_arm(s, v, &kern, "start_kernel")) ||
		    (has_user && session_add_arm(s, v, &user, "start_user")) ||
		    session_add_arm(s, v, &probe, "probe"))
			return -1;
	}
	return 0;
}

const struct mode mode_exit = { "exit", exit_setup, arms_iteration, NULL, false };
const struct mode mode_phases = { "phases", phases_setup, arms_iteration, NULL, false };
