/* Prints the tables of points, phases and ratios; see report.h. */
#include "report.h"

#include <math.h>
#include <string.h>

#define MS(x) (1e3 * (x))

static const char *num(char *buf, size_t len, double v, const char *fmt)
{
	if (isnan(v))
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, fmt, v);
	return buf;
}

const char *report_vary_option(const struct config *c)
{
	return c->vary == VARY_QEMU ? "--qemu" : c->vary == VARY_BIOS ? "--bios" : "--kernel";
}

const char *report_arm_label(const struct session *s, int i, char *buf, size_t len)
{
	const struct arm *a = &s->arms[i];
	char buf_name[96], at[32];
	const char *name = arm_point_name(a, buf_name, sizeof(buf_name));

	if (a->point.port == 0)
		snprintf(at, sizeof(at), "exec_tb"); /* --no-patch: from QEMU's trace */
	else
		point_format(&a->point, at, sizeof(at));
	/* Without samples an exit-mode arm has no name but its port. */
	if (!strcmp(name, at))
		snprintf(buf, len, "%s%s%s", s->variants[a->variant].label,
			 s->n_variants > 1 ? " " : "", at);
	else
		snprintf(buf, len, "%s%s%s (%s)", s->variants[a->variant].label,
			 s->n_variants > 1 ? " " : "", name, at);
	return buf;
}

/* median, CI, then the spread columns of one summary, in ms or plain. */
static void row(FILE *f, const char *label, const struct summary *m, double median, double lo,
		double hi, double scale, const char *fmt)
{
	char b[12][24];

	fprintf(f, "%-28s %5zu %9s [%8s, %8s] %9s %8s %9s %9s %9s %8s %9s %9s\n", label, m->n,
		num(b[0], 24, median * scale, fmt), num(b[1], 24, lo * scale, fmt),
		num(b[2], 24, hi * scale, fmt), num(b[3], 24, m->mean * scale, fmt),
		num(b[4], 24, m->sd * scale, fmt), num(b[5], 24, m->p5 * scale, fmt),
		num(b[6], 24, m->p95 * scale, fmt), num(b[7], 24, m->p99 * scale, fmt),
		num(b[8], 24, m->mad * scale, fmt), num(b[9], 24, m->min * scale, fmt),
		num(b[10], 24, m->max * scale, fmt));
}

static void header(FILE *f, const char *first, const char *median)
{
	fprintf(f, "%-28s %5s %9s %-20s %9s %8s %9s %9s %9s %8s %9s %9s\n", first, "n", median,
		" [95% CI of median]", "mean", "sd", "p5", "p95", "p99", "MAD", "min", "max");
}

/* Failures grouped by reason, with how often and where first. */
static void failures(FILE *f, const struct session *s, int i)
{
	const struct arm *a = &s->arms[i];
	char label[128];

	for (size_t k = 0; k < a->n_fails; k++) {
		size_t count = 0, seen = 0;

		for (size_t j = 0; j < a->n_fails; j++)
			if (!strcmp(a->fails[j].reason, a->fails[k].reason))
				count++, seen += j < k;
		if (seen)
			continue;
		fprintf(f, "  %s: %zu failed: %s (first at iteration %ld)\n",
			report_arm_label(s, i, label, sizeof(label)), count, a->fails[k].reason,
			a->fails[k].iteration);
	}
}

/* --phases or --timeline with first_insn standing in for fw_start (firstinsn.h). */
static bool first_insn_used(const struct session *s)
{
	for (int v = 0; v < s->n_variants; v++)
		if (s->variants[v].first_insn)
			return true;
	return false;
}

static void points(FILE *f, const struct session *s, const struct analysis *an)
{
	char label[128];
	long failed = 0;

	header(f, "point [ms]", "median");
	for (int i = 0; i < s->n_arms; i++) {
		const struct summary *m = &an->arms[i].s;

		row(f, report_arm_label(s, i, label, sizeof(label)), m, m->median, m->ci_lo,
		    m->ci_hi, 1e3, "%.2f");
		failed += s->arms[i].n_fails;
	}
	if (s->cfg->mode == MODE_TIMELINE && s->cfg->qemu_trace)
		fprintf(f,
			"Times from spawn, all points of one run: QEMU's own memory_region_ops_write "
			"stamps (CLOCK_REALTIME)\nminus boot-loop's CLOCK_REALTIME at fork; "
			"tracing every MMIO/PIO write slows QEMU a little.\n");
	else if (s->cfg->mode == MODE_TIMELINE)
		fprintf(f,
			"Times from spawn to when boot-loop read the point's byte from its pipe, "
			"all points of one run:\nfork/exec and dynamic loading included, QEMU's "
			"teardown not.\n");
	else if (s->cfg->mode == MODE_NOPATCH)
		fprintf(f,
			"Times from spawn, all points of one run: first_insn, kernel_entry (and "
			"start_kernel, --system-map)\nfrom QEMU's exec_tb trace (its clock), probe when boot-loop read it from "
			"the 0xf4 pipe. Tracing slows TCG down: compare\n--no-patch figures only "
			"with --no-patch figures.\n");
	else
		fprintf(f, "Times from spawn to reap: they include fork/exec, dynamic loading and "
			   "QEMU's teardown.\n");
	if (first_insn_used(s))
		fprintf(f,
			"first_insn (exec_tb) stands in for fw_start, which this firmware does not "
			"write: QEMU's first guest\ninstruction, timed when boot-loop read its "
			"-trace exec_tb line from a -D pipe (not an isa-debugcon\nbyte); every run "
			"of it has that trace, switched off by the monitor after the first line.\n"
			"Measured differently from fw_start: compare its tQEMU and tFW only with "
			"first_insn figures.\n");
	fprintf(f, "95%% CI: order-statistic (binomial) interval of the median; '-' below 6 "
		   "samples.\n");
	if (failed) {
		fprintf(f, "Failed runs (not samples): %ld\n", failed);
		for (int i = 0; i < s->n_arms; i++)
			failures(f, s, i);
	}
}

static void phases(FILE *f, const struct session *s, const struct analysis *an)
{
	for (int v = 0; v < s->n_variants; v++) {
		fprintf(f, "\n");
		header(f, s->n_variants > 1 ? (v ? "B phase [ms]" : "A phase [ms]") : "phase [ms]",
		       "median");
		for (int i = 0; i < an->n_phases; i++) {
			const struct phase_row *p = &an->phases[i];
			char label[64];

			if (p->variant != v)
				continue;
			snprintf(label, sizeof(label), "%s%s", p->sub ? "  " : "", p->name);
			row(f, label, &p->spread, p->median, p->ci_lo, p->ci_hi, 1e3, "%.2f");
		}
	}
	fprintf(f,
		"tQEMU = t(%s); tFW = t(jump) - t(%s); tKernel = t(probe) - t(jump); "
		"total = t(probe).\n"
		"Phase medians are differences of the points' medians (CI: paired bootstrap, "
		"%d resamples, fixed seed);\nthe other columns are of per-iteration differences. %s\n",
		first_insn_used(s) ? "first_insn" : "fw_start",
		first_insn_used(s) ? "first_insn" : "fw_start", BOOTSTRAP_REPS,
		s->cfg->mode == MODE_TIMELINE || s->cfg->mode == MODE_NOPATCH
			? "In a timeline all points come from one\nrun, so those differences are "
			  "within a run. --no-patch: tQEMU ends at first_insn, tFW at kernel_entry."
			: "All phase runs have one QEMU command line\n(isa-debugcon pipes on 0xf4 "
			  "and 0xf5) and boot-loop kills QEMU when the point arrives, so the\nstop "
			  "latency is alike for every point and cancels out of tFW and tKernel.");
}

static void ratios(FILE *f, const struct session *s, const struct analysis *an)
{
	char label[128];

	fprintf(f, "\nA: %s %s\nB: %s %s\n", report_vary_option(s->cfg),
		s->cfg->vary == VARY_QEMU   ? s->variants[0].boot.qemu
		: s->cfg->vary == VARY_BIOS ? s->variants[0].boot.bios
					    : s->variants[0].boot.kernel,
		report_vary_option(s->cfg),
		s->cfg->vary == VARY_QEMU   ? s->variants[1].boot.qemu
		: s->cfg->vary == VARY_BIOS ? s->variants[1].boot.bios
					    : s->variants[1].boot.kernel);
	header(f, "ratio B/A per pair", "median");
	for (int i = 0; i < an->n_ratios; i++) {
		const struct ratio_row *r = &an->ratios[i];
		const char *name = report_arm_label(s, r->a, label, sizeof(label)) + 2;

		row(f, name, &r->r, r->r.median, r->r.ci_lo, r->r.ci_hi, 1, "%.4f");
	}
	fprintf(f, "Pairs are the A and B runs of one iteration (order alternates); the ratio is "
		   "the median of\nper-pair ratios with its order-statistic CI.\n");
}

void report_print(FILE *f, const struct session *s, const struct analysis *an)
{
	const struct config *c = s->cfg;

	fprintf(f, "boot-loop: %ld of %ld iterations (+%ld warm-up), %s, machine %s\n", s->done,
		s->iterations, c->warmup, s->variants[0].boot.accel, c->machine);
	if (s->accel_note[0])
		fprintf(f, "warning: %s\n", s->accel_note);
	if (s->fw_start_note[0])
		fprintf(f, "note: %s\n", s->fw_start_note);
	if (s->interrupted)
		fprintf(f, "Interrupted by SIG%s: the figures cover the runs finished before.\n",
			sigabbrev_np(s->interrupted));
	for (int i = 0; i < s->n_arms; i++)
		if (i == 0 || s->arms[i].variant != s->arms[i - 1].variant)
			fprintf(f, "%s%scommand: %s\n", s->variants[s->arms[i].variant].label,
				s->n_variants > 1 ? " " : "", s->arms[i].command);
	fprintf(f, "\n");
	points(f, s, an);
	if (an->n_phases)
		phases(f, s, an);
	if (an->n_ratios)
		ratios(f, s, an);
}
