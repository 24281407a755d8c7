/*
 * --export-json: hyperfine's layout (results[] with command, mean, stddev,
 * median, user, system, min, max, times[], exit_codes[], in seconds) so its
 * plotting scripts work, plus our fields: the point, the median's CI,
 * percentiles, MAD, failures, and phases[] and ratios[].
 */
#include "export.h"

#include "report.h"

#include "boot-trace.h"
#include "json.h"

#include <math.h>
#include <string.h>

/* JSON has no NaN: a figure that does not exist is null. */
static void num(FILE *f, double v)
{
	if (isfinite(v))
		fprintf(f, "%.9g", v);
	else
		fputs("null", f);
}

static void field(FILE *f, const char *name, double v)
{
	fprintf(f, ", \"%s\": ", name);
	num(f, v);
}

static void spread(FILE *f, const struct summary *m)
{
	fprintf(f, ", \"n\": %zu", m->n);
	field(f, "mean", m->mean);
	field(f, "stddev", m->sd);
	field(f, "median", m->median);
	field(f, "median_ci_low", m->ci_lo);
	field(f, "median_ci_high", m->ci_hi);
	field(f, "median_ci_level", m->ci_level);
	field(f, "p5", m->p5);
	field(f, "p95", m->p95);
	field(f, "p99", m->p99);
	field(f, "mad", m->mad);
	field(f, "min", m->min);
	field(f, "max", m->max);
}

static void result(FILE *f, const struct session *s, const struct analysis *an, int i)
{
	const struct arm *a = &s->arms[i];
	char name[96];
	bool first = true;

	fprintf(f, "    {\"command\": ");
	json_string(f, a->command);
	fprintf(f, ", \"variant\": ");
	if (s->n_variants > 1)
		json_string(f, s->variants[a->variant].label);
	else
		fputs("null", f);
	fprintf(f, ", \"point\": ");
	json_string(f, arm_point_name(a, name, sizeof(name)));
	fprintf(f, ", \"port\": %u, \"value\": ", a->point.port);
	if (a->point.value == POINT_FIRST_WRITE)
		fputs("null", f);
	else
		fprintf(f, "%d", a->point.value);
	fprintf(f, ", \"stop\": \"%s\"",
		a->point.port == 0 && s->cfg->mode == MODE_NOPATCH
			? "no-patch: QEMU's exec_tb trace timestamp"
		: a->point.port == 0 && s->cfg->mode == MODE_TIMELINE
			? "timeline: first -trace exec_tb line read from a -D pipe"
		: a->point.port == 0
			? "first -trace exec_tb line read from a -D pipe, SIGKILL from "
			  "boot-loop"
		: s->cfg->qemu_trace ? "timeline: QEMU's memory_region_ops_write trace timestamp"
		: s->cfg->mode >= MODE_TIMELINE ? "timeline: byte read from an isa-debugcon pipe"
		: a->point.stop == STOP_KILL    ? "isa-debugcon pipes, SIGKILL from boot-loop"
						: "isa-debug-exit");
	/* QEMU's first instruction, not the firmware's own fw_start: not alike. */
	if (a->point.port == 0 && a->point.value == TRACE_FW_START)
		fprintf(f, ", \"stands_in_for\": \"fw_start\", \"source\": \"exec_tb\", "
			   "\"measured_differently\": true");
	spread(f, &an->arms[i].s);
	fprintf(f, ", \"median_ci_method\": \"order-statistic\"");
	field(f, "user", an->arms[i].user_mean);
	field(f, "system", an->arms[i].sys_mean);
	fprintf(f, ",\n     \"times\": [");
	for (long k = 0; k < a->n_iter; k++)
		if (isfinite(a->t[k])) {
			fprintf(f, "%s%.9f", first ? "" : ", ", a->t[k]);
			first = false;
		}
	fprintf(f, "],\n     \"exit_codes\": [");
	first = true;
	for (long k = 0; k < a->n_iter; k++)
		if (isfinite(a->t[k])) {
			fprintf(f, "%s%d", first ? "" : ", ", a->code[k]);
			first = false;
		}
	fprintf(f, "],\n     \"iterations\": [");
	first = true;
	for (long k = 0; k < a->n_iter; k++)
		if (isfinite(a->t[k])) {
			fprintf(f, "%s%ld", first ? "" : ", ", k);
			first = false;
		}
	fprintf(f, "],\n     \"failures\": [");
	for (size_t k = 0; k < a->n_fails; k++) {
		fprintf(f, "%s{\"iteration\": %ld, \"exit_code\": %d, \"reason\": ", k ? ", " : "",
			a->fails[k].iteration, a->code[a->fails[k].iteration]);
		json_string(f, a->fails[k].reason);
		fputc('}', f);
	}
	fprintf(f, "]}");
}

static void phase(FILE *f, const struct session *s, const struct phase_row *p)
{
	fprintf(f, "    {\"name\": ");
	json_string(f, p->name);
	fprintf(f, ", \"variant\": ");
	if (s->n_variants > 1)
		json_string(f, s->variants[p->variant].label);
	else
		fputs("null", f);
	fprintf(f, ", \"from\": ");
	if (p->from >= 0)
		json_string(f, s->arms[p->from].name);
	else
		fputs("null", f);
	fprintf(f, ", \"to\": ");
	json_string(f, s->arms[p->to].name);
	fprintf(f, ", \"median\": ");
	num(f, p->median);
	fprintf(f, ", \"median_is\": \"%s\"",
		p->from >= 0 ? "median(to) - median(from)" : "median(to)");
	fprintf(f, ", \"ci_low\": ");
	num(f, p->ci_lo);
	fprintf(f, ", \"ci_high\": ");
	num(f, p->ci_hi);
	fprintf(f, ", \"ci_method\": ");
	json_string(f, p->ci_method);
	fprintf(f, ",\n     \"differences\": {\"what\": \"per-iteration t(to) - t(from)\"");
	spread(f, &p->spread);
	fprintf(f, "}}");
}

static void ratio(FILE *f, const struct session *s, const struct ratio_row *r)
{
	char name[96];

	fprintf(f, "    {\"point\": ");
	json_string(f, arm_point_name(&s->arms[r->a], name, sizeof(name)));
	fprintf(f, ", \"what\": \"median of per-pair ratios t_B / t_A, order-statistic CI\"");
	spread(f, &r->r);
	fprintf(f, "}");
}

void export_json(FILE *f, const struct session *s, const struct analysis *an)
{
	const struct config *c = s->cfg;

	fprintf(f, "{\n  \"tool\": \"boot-loop\", \"mode\": \"%s\", \"compare\": %s",
		c->mode == MODE_PHASES     ? "phases"
		: c->mode == MODE_TIMELINE ? "timeline"
		: c->mode == MODE_NOPATCH  ? "no-patch"
					   : "exit",
		c->compare ? "true" : "false");
	if (c->compare) {
		fprintf(f, ", \"varies\": ");
		json_string(f, report_vary_option(c));
	}
	fprintf(f, ",\n  \"machine\": ");
	json_string(f, c->machine);
	fprintf(f, ", \"accel\": ");
	json_string(f, s->variants[0].boot.accel);
	fprintf(f, ", \"iterations\": %ld, \"iterations_done\": %ld, \"warmup\": %ld",
		s->iterations, s->done, c->warmup);
	fprintf(f, ", \"interrupted_by\": ");
	if (s->interrupted)
		fprintf(f, "\"SIG%s\"", sigabbrev_np(s->interrupted));
	else
		fputs("null", f);
	if (c->mode == MODE_PHASES || c->mode == MODE_TIMELINE) {
		fprintf(f, ",\n  \"fw_start_from\": \"%s\", \"fw_start_note\": ",
			s->variants[0].first_insn ? "exec_tb" : "port 0xf5");
		if (s->fw_start_note[0])
			json_string(f, s->fw_start_note);
		else
			fputs("null", f);
	}
	fprintf(f, ",\n  \"unit\": \"s\", \"confidence_level\": %g, \"time_includes\": \"%s\",\n",
		CONF_LEVEL,
		c->mode >= MODE_TIMELINE
			? "fork/exec and dynamic loading, not teardown (spawn to the point)"
			: "fork/exec, dynamic loading and QEMU teardown (spawn to reap)");
	fprintf(f, "  \"results\": [\n");
	for (int i = 0; i < s->n_arms; i++) {
		result(f, s, an, i);
		fprintf(f, "%s\n", i + 1 < s->n_arms ? "," : "");
	}
	fprintf(f, "  ],\n  \"phases\": [\n");
	for (int i = 0; i < an->n_phases; i++) {
		phase(f, s, &an->phases[i]);
		fprintf(f, "%s\n", i + 1 < an->n_phases ? "," : "");
	}
	fprintf(f, "  ],\n  \"ratios\": [\n");
	for (int i = 0; i < an->n_ratios; i++) {
		ratio(f, s, &an->ratios[i]);
		fprintf(f, "%s\n", i + 1 < an->n_ratios ? "," : "");
	}
	fprintf(f, "  ]\n}\n");
}
