/*
 * Phases and ratios from a session filled by hand (no QEMU), and what the
 * exporters write for it. Expected figures from python3's statistics module.
 */
#include "analysis.h"
#include "export.h"
#include "session.h"

#include "boot-trace.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#define N 8

static const double fw[N] = { 0.030, 0.031, 0.029, 0.032, 0.030, 0.033, 0.028, 0.031 };
static const double jump[N] = { 0.0345, 0.0352, 0.0331, 0.0368, 0.0339, 0.0377, 0.0322, 0.0356 };
static const double probe[N] = { 4.61, 4.70, 4.58, 4.66, 4.62, NAN, 4.59, 4.64 };

static struct config cfg = { .mode = MODE_PHASES, .machine = "pc", .warmup = 1 };
static const struct variant var = {
	"", { "qemu-system-x86_64", "bios.bin", "vm,linuz", NULL, "quiet", "pc", "tcg" }, false
};

static void fill(struct arm *a, const double *t, int value)
{
	for (int i = 0; i < N; i++) {
		struct launch_result r = {
			.exit = { .seconds = t[i], .user_s = 0.01, .sys_s = 0.02 }
		};
		struct outcome o = { .ok = !isnan(t[i]), .value = value, .exit_code = 137 };

		if (isnan(t[i])) {
			o.exit_code = 0;
			strcpy(o.reason, "QEMU said \"no\"\\ then\nstopped");
		}
		assert_int_equal(session_record(a, i, &o, &r), 0);
	}
}

static void phases_session(struct session *s)
{
	static const struct exit_point pf = { TRACE_PORT_FW, POINT_FIRST_WRITE, STOP_KILL };
	static const struct exit_point pj = { TRACE_PORT_LINUX, POINT_FIRST_WRITE, STOP_KILL };
	static const struct exit_point pp = { TRACE_PORT_LINUX, TRACE_USER_PROBE, STOP_KILL };

	*s = (struct session){ .cfg = &cfg, .iterations = N, .done = N, .n_variants = 1 };
	s->variants[0] = var;
	assert_int_equal(session_add_arm(s, 0, &pf, "fw_start"), 0);
	assert_int_equal(session_add_arm(s, 0, &pj, "jump"), 0);
	assert_int_equal(session_add_arm(s, 0, &pp, "probe"), 0);
	fill(&s->arms[0], fw, TRACE_FW_START);
	fill(&s->arms[1], jump, TRACE_LINUX_START_BOOT);
	fill(&s->arms[2], probe, TRACE_USER_PROBE);
}

static const struct phase_row *phase(const struct analysis *an, const char *name)
{
	for (int i = 0; i < an->n_phases; i++)
		if (!strcmp(an->phases[i].name, name))
			return &an->phases[i];
	fail_msg("no phase %s", name);
	return NULL;
}

static void phases_are_differences_of_medians(void **state)
{
	struct session s;
	struct analysis an;
	const struct phase_row *p;

	(void)state;
	phases_session(&s);
	assert_int_equal(analysis_compute(&s, &an), 0);
	assert_int_equal(an.n_phases, 4);
	p = phase(&an, "tQEMU");
	assert_float_equal(p->median, 0.0305, 1e-12);
	assert_string_equal(p->ci_method, "order-statistic");
	p = phase(&an, "tFW");
	assert_float_equal(p->median, 0.00435, 1e-12);
	assert_float_equal(p->spread.mean, 0.004375, 1e-12);
	assert_float_equal(p->spread.sd, 0.00031959796173138666, 1e-12);
	assert_float_equal(p->spread.min, 0.0039, 1e-12);
	assert_float_equal(p->spread.max, 0.0048, 1e-12);
	assert_string_equal(p->ci_method, "bootstrap");
	assert_true(p->ci_lo <= p->median && p->median <= p->ci_hi);
	p = phase(&an, "tKernel");
	/* median(probe) over 7 runs minus median(jump) over 8. */
	assert_float_equal(p->median, 4.58515, 1e-12);
	assert_int_equal(p->spread.n, 7);
	assert_float_equal(p->spread.median, 4.5861, 1e-12);
	assert_float_equal(p->spread.mean, 4.5941, 1e-12);
	p = phase(&an, "total");
	assert_float_equal(p->median, 4.62, 1e-12);
	analysis_free(&an);
	session_free(&s);
}

static void ratio_per_pair(void **state)
{
	static const struct exit_point pj = { TRACE_PORT_LINUX, POINT_FIRST_WRITE,
					      STOP_EXIT_DEVICE };
	struct config c = cfg;
	struct session s = { .cfg = &c, .iterations = N, .done = N, .n_variants = 2 };
	double b[N];
	struct analysis an;

	(void)state;
	c.mode = MODE_EXIT;
	c.compare = true;
	c.vary = VARY_BIOS;
	s.variants[0] = s.variants[1] = var;
	s.variants[0].label = "A";
	s.variants[1].label = "B";
	for (int i = 0; i < N; i++)
		b[i] = jump[i] * 1.1;
	assert_int_equal(session_add_arm(&s, 0, &pj, NULL), 0);
	assert_int_equal(session_add_arm(&s, 1, &pj, NULL), 0);
	fill(&s.arms[0], jump, TRACE_LINUX_START_BOOT);
	fill(&s.arms[1], b, TRACE_LINUX_START_BOOT);
	assert_int_equal(analysis_compute(&s, &an), 0);
	assert_int_equal(an.n_phases, 0);
	assert_int_equal(an.n_ratios, 1);
	assert_int_equal(an.ratios[0].r.n, N);
	assert_float_equal(an.ratios[0].r.median, 1.1, 1e-12);
	assert_float_equal(an.ratios[0].r.ci_lo, 1.1, 1e-12);
	assert_float_equal(an.ratios[0].r.ci_hi, 1.1, 1e-12);
	analysis_free(&an);
	session_free(&s);
}

/* Runs fn into memory and returns what it wrote (free it). */
static char *capture(void (*fn)(FILE *, const struct session *, const struct analysis *),
		     const struct session *s, const struct analysis *an)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	fn(f, s, an);
	fclose(f);
	return buf;
}

static void json_has_hyperfine_fields(void **state)
{
	struct session s;
	struct analysis an;
	char *j;

	(void)state;
	phases_session(&s);
	assert_int_equal(analysis_compute(&s, &an), 0);
	j = capture(export_json, &s, &an);
	assert_non_null(strstr(j, "\"results\": ["));
	assert_non_null(strstr(j, "\"command\": \"qemu-system-x86_64 -accel tcg"));
	assert_non_null(strstr(j, "\"point\": \"fw_start\""));
	assert_non_null(strstr(j, "\"median\": 0.0305,"));
	assert_non_null(strstr(j, "\"times\": [0.030000000, 0.031000000, 0.029000000"));
	assert_non_null(strstr(j, "\"exit_codes\": [137, 137, 137, 137, 137, 137, 137, 137]"));
	assert_non_null(strstr(j, "\"user\": 0.01, \"system\": 0.02"));
	/* n = 8: ranks 1 and 8, coverage 1 - 2/256. */
	assert_non_null(strstr(j, "\"median_ci_low\": 0.028, \"median_ci_high\": 0.033, "
				  "\"median_ci_level\": 0.9921875"));
	assert_non_null(strstr(j, "\"failures\": [{\"iteration\": 5, \"exit_code\": 0, "
				  "\"reason\": \"QEMU said \\\"no\\\"\\\\ then\\u000astopped\"}]"));
	assert_non_null(strstr(j, "{\"name\": \"tFW\", \"variant\": null, \"from\": "
				  "\"fw_start\", \"to\": \"jump\", \"median\": 0.00435"));
	free(j);
	analysis_free(&an);
	session_free(&s);
}

static void json_null_for_missing_figures(void **state)
{
	static const double few[N] = { 0.5, NAN, NAN, NAN, NAN, NAN, NAN, NAN };
	struct session s;
	struct analysis an;
	char *j;

	(void)state;
	phases_session(&s);
	for (int i = 0; i < N; i++)
		s.arms[0].t[i] = few[i];
	assert_int_equal(analysis_compute(&s, &an), 0);
	j = capture(export_json, &s, &an);
	/* One sample: no sd, no interval: null, never NaN (which is not JSON). */
	assert_non_null(strstr(j, "\"n\": 1, \"mean\": 0.5, \"stddev\": null, \"median\": 0.5, "
				  "\"median_ci_low\": null, \"median_ci_high\": null"));
	assert_null(strstr(j, "nan"));
	free(j);
	analysis_free(&an);
	session_free(&s);
}

/* Fields of one CSV line, honouring quotes. */
static int csv_fields(const char *line, const char *end)
{
	int n = 1;
	bool quoted = false;

	for (const char *p = line; p < end; p++)
		if (*p == '"')
			quoted = !quoted;
		else if (*p == ',' && !quoted)
			n++;
	return n;
}

static void csv_columns(void **state)
{
	struct session s;
	struct analysis an;
	char *c, *line;
	int rows = 0;

	(void)state;
	phases_session(&s);
	assert_int_equal(analysis_compute(&s, &an), 0);
	c = capture(export_csv, &s, &an);
	assert_memory_equal(c,
			    "command,variant,kind,name,unit,n,failures,mean,stddev,median,"
			    "median_ci_low,median_ci_high,p5,p95,p99,mad,min,max\n",
			    97);
	for (line = c; *line; rows++) {
		char *end = strchr(line, '\n');

		assert_non_null(end);
		assert_int_equal(csv_fields(line, end), 18);
		line = end + 1;
	}
	/* Header, 3 points, 4 phases. */
	assert_int_equal(rows, 8);
	/* The kernel path has a comma: the command is quoted. */
	assert_non_null(strstr(c, "\n\"qemu-system-x86_64 "));
	assert_non_null(strstr(c, "-kernel vm,linuz "));
	assert_non_null(strstr(c, ",,phase,tFW,s,8,0,0.004375,"));
	free(c);
	analysis_free(&an);
	session_free(&s);
}

static void markdown_and_svg(void **state)
{
	struct session s;
	struct analysis an;
	char *m, *g;

	(void)state;
	phases_session(&s);
	assert_int_equal(analysis_compute(&s, &an), 0);
	m = capture(export_markdown, &s, &an);
	assert_non_null(strstr(m, "| Point | n | Median [ms] |"));
	assert_non_null(strstr(m, "| fw_start (0xf5) | 8 | 30.50 | 28.00 … 33.00 |"));
	assert_non_null(strstr(m, "| tFW | 8 | 4.35 |"));
	g = capture(export_svg, &s, &an);
	assert_memory_equal(g, "<?xml", 5);
	assert_non_null(strstr(g, "height=\"570\"")); /* three panels */
	assert_non_null(strstr(g, ">probe (0xf4:8)</text>"));
	assert_non_null(strstr(g, ">median 4620.00 ms (n=7)</text>"));
	assert_non_null(strstr(g, "</svg>\n"));
	free(m);
	free(g);
	analysis_free(&an);
	session_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(phases_are_differences_of_medians),
		cmocka_unit_test(ratio_per_pair),
		cmocka_unit_test(json_has_hyperfine_fields),
		cmocka_unit_test(json_null_for_missing_figures),
		cmocka_unit_test(csv_columns),
		cmocka_unit_test(markdown_and_svg),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
