/* Runs QEMU once for any mode, and the loop over iterations; see runner.h. */
#include "runner.h"

#include "boot-trace.h"
#include "command.h"
#include "firstinsn.h"
#include "progress.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* The channels of a run stopped by kill, as command_build put them. */
static void launch_opts_for(const struct session *s, const struct variant *v, char *const *argv,
			    const struct exit_point *p, struct launch_opts *o)
{
	unsigned ports[3];

	*o = (struct launch_opts){ .argv = argv,
				   .stop_watch = -1,
				   .timeout_s = s->cfg->timeout_s,
				   .show_output = s->cfg->show_output };
	if (p->stop != STOP_KILL)
		return;
	o->n_watch = command_watch_ports(p, ports);
	o->stop_watch = command_stop_watch(p);
	o->stop_value = p->value == POINT_FIRST_WRITE ? LAUNCH_ANY_VALUE : p->value;
	if (s->cfg->qemu_trace) {
		o->n_watch = 1; /* the log; stop_watch still names the port */
		o->qtrace = true;
	} else if (v->first_insn) {
		/* The log after the ports, then the monitor. */
		o->log_pipe = true;
		o->n_watch++;
		o->log_stop = p->port == 0;
		o->monitor_cmd = FIRSTINSN_TRACE_OFF;
	}
}

static long failures(const struct session *s)
{
	long n = 0;

	for (int i = 0; i < s->n_arms; i++)
		n += s->arms[i].n_fails;
	return n;
}

int runner_run(struct session *s, struct record *rec, int v, char *const *argv,
	       const struct exit_point *p, const char *kind, const char *label, long line,
	       struct launch_result *r, struct outcome *out)
{
	struct launch_opts o;

	launch_opts_for(s, &s->variants[v], argv, p, &o);
	if (launch_run(&o, r))
		return session_fail(s, "cannot run %s: %s", argv[0], strerror(errno));
	outcome_classify(p, r, out);
	record_run(rec, line, kind, s->variants[v].label, label, out, r);
	if (r->exit.interrupted)
		s->interrupted = r->exit.interrupted;
	if (s->progress)
		progress_update(s->progress, ++s->runs, failures(s));
	return 0;
}

int runner_probe_run(struct session *s, struct record *rec, int v, const char *kind, long line,
		     struct launch_result *r, struct outcome *out)
{
	static const struct exit_point probe = { TRACE_PORT_LINUX, TRACE_USER_PROBE, STOP_KILL };
	char **argv = command_build(s->cfg, &s->variants[v], &probe);
	int rc;

	if (!argv)
		return session_fail(s, "out of memory");
	rc = runner_run(s, rec, v, argv, &probe, kind, "probe", line, r, out);
	qemu_cmd_free(argv);
	return rc;
}

int runner_discover(struct session *s, struct record *rec, struct launch_result r[2],
		    bool choose_start)
{
	for (int v = 0; v < s->n_variants && !s->interrupted; v++) {
		struct outcome out;

		if (runner_probe_run(s, rec, v, "discovery", 0, &r[v], &out))
			return -1;
		if (!out.ok && !r[v].exit.interrupted)
			fprintf(stderr,
				"boot-loop: warning: the first run to the probe failed (%s)\n",
				out.reason);
	}
	if (choose_start && !s->interrupted)
		firstinsn_decide(s, r);
	return 0;
}

int runner_loop(struct session *s, struct record *rec, const struct mode *m)
{
	struct progress prog;

	progress_start(&prog, (s->cfg->warmup + s->iterations) *
				      (m->run_per_variant ? s->n_variants : s->n_arms));
	s->progress = &prog;
	s->runs = 0;
	for (long it = -s->cfg->warmup; it < s->iterations && !s->interrupted; it++) {
		/*
		 * A then B, then B then A under --compare: neither always goes
		 * first. On the raw counter, so the alternation runs on unbroken
		 * from the warm-ups into iteration 0, which starts with A.
		 */
		bool flip = s->n_variants == 2 && (it & 1);

		for (int vi = 0; vi < s->n_variants && !s->interrupted; vi++) {
			int v = flip ? s->n_variants - 1 - vi : vi;

			if ((s->interrupted = qemu_run_stop_requested()))
				break;
			if (m->iteration(s, rec, v, it)) {
				progress_end(&prog);
				s->progress = NULL;
				return -1;
			}
		}
		if (it >= 0 && !s->interrupted)
			s->done = it + 1;
	}
	progress_end(&prog);
	s->progress = NULL;
	return 0;
}
