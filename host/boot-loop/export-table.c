/*
 * --export-csv and --export-markdown: one row per point, phase and ratio.
 * CSV is in seconds (as hyperfine's), Markdown in milliseconds.
 */
#include "export.h"

#include "report.h"

#include <math.h>
#include <string.h>

/* RFC 4180: quote a field holding a separator, quote or line break. */
static void csv_str(FILE *f, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void csv_num(FILE *f, double v)
{
	if (isfinite(v))
		fprintf(f, ",%.9g", v);
	else
		fputc(',', f);
}

static void csv_row(FILE *f, const char *command, const char *variant, const char *kind,
		    const char *name, const char *unit, long failures, const struct summary *m,
		    double median, double lo, double hi)
{
	csv_str(f, command);
	fprintf(f, ",%s,%s,", variant, kind);
	csv_str(f, name);
	fprintf(f, ",%s,%zu,%ld", unit, m->n, failures);
	csv_num(f, m->mean);
	csv_num(f, m->sd);
	csv_num(f, median);
	csv_num(f, lo);
	csv_num(f, hi);
	csv_num(f, m->p5);
	csv_num(f, m->p95);
	csv_num(f, m->p99);
	csv_num(f, m->mad);
	csv_num(f, m->min);
	csv_num(f, m->max);
	fputc('\n', f);
}

void export_csv(FILE *f, const struct session *s, const struct analysis *an)
{
	char name[96];

	fprintf(f, "command,variant,kind,name,unit,n,failures,mean,stddev,median,median_ci_low,"
		   "median_ci_high,p5,p95,p99,mad,min,max\n");
	for (int i = 0; i < s->n_arms; i++) {
		const struct arm *a = &s->arms[i];
		const struct summary *m = &an->arms[i].s;

		csv_row(f, a->command, s->variants[a->variant].label, "point",
			arm_point_name(a, name, sizeof(name)), "s", a->n_fails, m, m->median,
			m->ci_lo, m->ci_hi);
	}
	/* Phases: median is the difference of medians, the rest per-iteration. */
	for (int i = 0; i < an->n_phases; i++) {
		const struct phase_row *p = &an->phases[i];

		csv_row(f, "", s->variants[p->variant].label, "phase", p->name, "s", 0, &p->spread,
			p->median, p->ci_lo, p->ci_hi);
	}
	for (int i = 0; i < an->n_ratios; i++) {
		const struct ratio_row *r = &an->ratios[i];

		csv_row(f, "", "B/A", "ratio", arm_point_name(&s->arms[r->a], name, sizeof(name)),
			"ratio", 0, &r->r, r->r.median, r->r.ci_lo, r->r.ci_hi);
	}
}

static const char *md_num(char *buf, size_t len, double v, double scale, const char *fmt)
{
	if (isfinite(v))
		snprintf(buf, len, fmt, v * scale);
	else
		snprintf(buf, len, "–");
	return buf;
}

static void md_row(FILE *f, const char *label, const struct summary *m, double median, double lo,
		   double hi, long failed, double scale, const char *fmt)
{
	char b[8][32];

	fprintf(f, "| %s | %zu | %s | %s … %s | %s ± %s | %s | %s | %s | %ld |\n", label, m->n,
		md_num(b[0], 32, median, scale, fmt), md_num(b[1], 32, lo, scale, fmt),
		md_num(b[2], 32, hi, scale, fmt), md_num(b[3], 32, m->mean, scale, fmt),
		md_num(b[4], 32, m->sd, scale, fmt), md_num(b[5], 32, m->p95, scale, fmt),
		md_num(b[6], 32, m->min, scale, fmt), md_num(b[7], 32, m->max, scale, fmt), failed);
}

static void md_header(FILE *f, const char *first, const char *unit)
{
	fprintf(f,
		"| %s | n | Median %s | 95%% CI %s | Mean ± σ %s | p95 %s | Min %s | Max %s | "
		"Failed |\n|:---|---:|---:|---:|---:|---:|---:|---:|---:|\n",
		first, unit, unit, unit, unit, unit, unit);
}

void export_markdown(FILE *f, const struct session *s, const struct analysis *an)
{
	char label[128];

	md_header(f, "Point", "[ms]");
	for (int i = 0; i < s->n_arms; i++) {
		const struct summary *m = &an->arms[i].s;

		md_row(f, report_arm_label(s, i, label, sizeof(label)), m, m->median, m->ci_lo,
		       m->ci_hi, s->arms[i].n_fails, 1e3, "%.2f");
	}
	fprintf(f,
		s->cfg->mode >= MODE_TIMELINE
			? "\nTimes run from spawn to the point, all points of one run (fork/exec "
			  "and dynamic loading included, teardown not).\n"
			: "\nTimes run from spawn to reap of QEMU (fork/exec, dynamic loading and "
			  "teardown included).\n");
	if (s->variants[0].first_insn)
		fprintf(f,
			"\nfirst_insn (exec_tb) stands in for fw_start, which the firmware does not "
			"write: QEMU's first guest instruction from its exec_tb trace, measured "
			"differently from fw_start (boot-loop(1)).\n");
	if (an->n_phases) {
		fprintf(f, "\n");
		md_header(f, "Phase", "[ms]");
		for (int i = 0; i < an->n_phases; i++) {
			const struct phase_row *p = &an->phases[i];

			snprintf(label, sizeof(label), "%s%s%s", s->variants[p->variant].label,
				 s->n_variants > 1 ? " " : "", p->name);
			md_row(f, label, &p->spread, p->median, p->ci_lo, p->ci_hi, 0, 1e3, "%.2f");
		}
		fprintf(f, "\nPhase medians are differences of medians (bootstrap CI); the other "
			   "columns are of per-iteration differences.\n");
	}
	if (an->n_ratios) {
		fprintf(f, "\n");
		md_header(f, "Ratio B/A", "");
		for (int i = 0; i < an->n_ratios; i++) {
			const struct ratio_row *r = &an->ratios[i];

			md_row(f, report_arm_label(s, r->a, label, sizeof(label)) + 2, &r->r,
			       r->r.median, r->r.ci_lo, r->r.ci_hi, 0, 1, "%.4f");
		}
		fprintf(f, "\nMedian of per-pair ratios, order-statistic CI.\n");
	}
}
