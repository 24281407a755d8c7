/* Runs the arms iteration by iteration; see runner.h. */
#include "runner.h"

#include "boot-trace.h"
#include "firstinsn.h"
#include "launch.h"
#include "nopatch.h"
#include "progress.h"
#include "timeline.h"

#include <stdio.h>
#include <string.h>

int runner_launch(const struct session *s, const struct variant *v, char *const *argv,
		  const struct exit_point *p, struct launch_result *r)
{
	struct launch_opts o = { .argv = argv, .stop_watch = -1, .timeout_s = s->cfg->timeout_s,
				 .show_output = s->cfg->show_output };
	unsigned ports[3];

	if (p->stop == STOP_KILL) {
		o.n_watch = qemu_cmd_watch_ports(p, ports);
		o.stop_watch = qemu_cmd_stop_watch(p);
		o.stop_value = p->value == POINT_FIRST_WRITE ? LAUNCH_ANY_VALUE : p->value;
		/* As qemu_cmd_build put them: the log pipe after the ports, then the monitor. */
		if (s->cfg->qemu_trace) {
			o.n_watch = 1;	/* the log; stop_watch still names the port */
			o.qtrace = true;
		} else if (v->first_insn) {
			o.log_pipe = true;
			o.n_watch++;
			o.log_stop = p->port == 0;
			o.monitor_cmd = FIRSTINSN_TRACE_OFF;
		}
	}
	return launch_run(&o, r);
}

bool runner_byte_seen(const struct launch_result *r, const struct exit_point *p, double *t,
		      int *value)
{
	int watch = qemu_cmd_stop_watch(p);

	if (p->port == 0) {
		*t = r->first_insn_s;
		*value = TRACE_FW_START;	/* first_insn stands in for it */
		return r->first_insn_s >= 0;
	}
	for (int i = 0; i < r->n_bytes; i++) {
		int v = r->bytes[i].value;

		/* Error values go to every port; they are no point. */
		if (r->bytes[i].watch != watch || (v >= TRACE_ERR_BASE && v <= TRACE_ERR_LAST))
			continue;
		if (p->value == POINT_FIRST_WRITE || v == p->value) {
			*t = r->bytes[i].t;
			*value = v;
			return true;
		}
	}
	return false;
}

static const char *point_label(const struct arm *a, char *buf, size_t len)
{
	if (a->name)
		return a->name;
	point_format(&a->point, buf, len);
	return buf;
}

/* One run of arm a; it < 0 is a warm-up. Returns -1 on a system error. */
static int run_arm(struct session *s, struct record *rec, struct arm *a, long it)
{
	struct launch_result r;
	struct outcome out;
	char label[32];

	if (runner_launch(s, &s->variants[a->variant], a->argv, &a->point, &r))
		return -1;
	outcome_classify(&a->point, &r, &out);
	record_run(rec, it < 0 ? it + s->cfg->warmup : it, it < 0 ? "warmup" : "run",
		   s->variants[a->variant].label, point_label(a, label, sizeof(label)), &out, &r);
	if (r.interrupted)
		s->interrupted = r.interrupted;
	else if (it >= 0 && session_record(a, it, &out, &r))
		return -1;
	return 0;
}

int runner_probe_run(struct session *s, struct record *rec, int v, const char *kind,
		     long it, struct launch_result *r, struct outcome *out)
{
	static const struct exit_point probe = { TRACE_PORT_LINUX, TRACE_USER_PROBE, STOP_KILL };
	char **argv = qemu_cmd_build(s->cfg, &s->variants[v], &probe);
	int rc;

	if (!argv)
		return -1;
	rc = runner_launch(s, &s->variants[v], argv, &probe, r);
	qemu_cmd_free(argv);
	if (rc)
		return -1;
	outcome_classify(&probe, r, out);
	record_run(rec, it, kind, s->variants[v].label, "probe", out, r);
	if (r->interrupted)
		s->interrupted = r->interrupted;
	return 0;
}

int runner_discover(struct session *s, struct record *rec, struct launch_result r[2])
{
	for (int v = 0; v < s->n_variants && !s->interrupted; v++) {
		struct outcome out;

		if (runner_probe_run(s, rec, v, "discovery", 0, &r[v], &out))
			return -1;
		if (!out.ok && !r[v].interrupted)
			fprintf(stderr, "boot-loop: warning: the first run to the probe failed (%s)\n",
				out.reason);
	}
	if (!s->interrupted)
		firstinsn_decide(s, r);
	return 0;
}

/* Every phase point is stopped alike (kill, pipes on both ports): see boot-loop.1. */
int runner_setup_phases(struct session *s, struct record *rec)
{
	static const struct exit_point fw = { TRACE_PORT_FW, POINT_FIRST_WRITE, STOP_KILL };
	static const struct exit_point jump = { TRACE_PORT_LINUX, POINT_FIRST_WRITE, STOP_KILL };
	static const struct exit_point kern = { TRACE_PORT_LINUX, TRACE_LINUX_START_KERNEL,
						STOP_KILL };
	static const struct exit_point user = { TRACE_PORT_LINUX, TRACE_LINUX_START_USER,
						STOP_KILL };
	static const struct exit_point probe = { TRACE_PORT_LINUX, TRACE_USER_PROBE, STOP_KILL };
	struct launch_result r[2];

	if (runner_discover(s, rec, r))
		return -1;
	for (int v = 0; v < s->n_variants && !s->interrupted; v++) {
		double t;
		int value;
		/* The kernel's own points (6, 7), if the discovery run showed them. */
		bool has_kern = runner_byte_seen(&r[v], &kern, &t, &value);
		bool has_user = runner_byte_seen(&r[v], &user, &t, &value);
		bool fi = s->variants[v].first_insn;

		if (session_add_arm(s, v, fi ? &firstinsn_point : &fw, fi ? "first_insn" : "fw_start") ||
		    session_add_arm(s, v, &jump, "jump") ||
		    (has_kern && session_add_arm(s, v, &kern, "start_kernel")) ||
		    (has_user && session_add_arm(s, v, &user, "start_user")) ||
		    session_add_arm(s, v, &probe, "probe"))
			return -1;
	}
	return 0;
}

static long failures(const struct session *s)
{
	long n = 0;

	for (int i = 0; i < s->n_arms; i++)
		n += s->arms[i].n_fails;
	return n;
}

int runner_loop(struct session *s, struct record *rec)
{
	struct progress prog;
	long runs = 0;

	/* A timeline iteration is one run per variant, whatever its arms. */
	progress_start(&prog, (s->cfg->warmup + s->iterations) *
				      (s->cfg->mode == MODE_TIMELINE || s->cfg->mode == MODE_NOPATCH
					       ? s->n_variants
					       : s->n_arms));
	for (long it = -s->cfg->warmup; it < s->iterations && !s->interrupted; it++) {
		/* A then B, then B then A under --compare: neither always goes first. */
		bool flip = s->n_variants == 2 && (it & 1);

		for (int vi = 0; vi < s->n_variants && !s->interrupted; vi++) {
			int v = flip ? s->n_variants - 1 - vi : vi;

			if (s->cfg->mode == MODE_TIMELINE || s->cfg->mode == MODE_NOPATCH) {
				if ((s->interrupted = launch_stop_requested()))
					break;
				if (s->cfg->mode == MODE_TIMELINE ? timeline_iteration(s, rec, v, it)
								  : nopatch_iteration(s, rec, v, it)) {
					progress_end(&prog);
					return -1;
				}
				progress_update(&prog, ++runs, failures(s));
				continue;
			}
			for (int k = 0; k < s->n_arms && !s->interrupted; k++) {
				if (s->arms[k].variant != v)
					continue;
				if ((s->interrupted = launch_stop_requested()))
					break;
				if (run_arm(s, rec, &s->arms[k], it)) {
					progress_end(&prog);
					return -1;
				}
				progress_update(&prog, ++runs, failures(s));
			}
		}
		if (it >= 0 && !s->interrupted)
			s->done = it + 1;
	}
	progress_end(&prog);
	return 0;
}
