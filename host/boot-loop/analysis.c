/* Computes summaries, phases and ratios from the runs; see analysis.h. */
#include "analysis.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int find_arm(const struct session *s, int v, const char *name)
{
	for (int i = 0; i < s->n_arms; i++)
		if (s->arms[i].variant == v && s->arms[i].name && !strcmp(s->arms[i].name, name))
			return i;
	return -1;
}

static int add_phase(const struct session *s, struct analysis *an, int v, const char *name,
		     int from, int to, bool sub)
{
	struct phase_row *p;
	const struct arm *b = &s->arms[to];
	double *d;

	if (to < 0)
		return 0;
	p = &an->phases[an->n_phases++];
	*p = (struct phase_row){ .variant = v, .name = name, .from = from, .to = to, .sub = sub };
	if (from < 0) {
		/* A single point: its own median and exact order-statistic interval. */
		p->spread = an->arms[to].s;
		p->median = p->spread.median;
		p->ci_lo = p->spread.ci_lo;
		p->ci_hi = p->spread.ci_hi;
		p->ci_method = "order-statistic";
		return 0;
	}
	d = malloc(b->n_iter * sizeof(*d));
	if (!d)
		return -1;
	for (long i = 0; i < b->n_iter; i++)
		d[i] = b->t[i] - s->arms[from].t[i]; /* NaN unless both ran */
	stats_summarize(d, b->n_iter, CONF_LEVEL, &p->spread);
	free(d);
	p->median = an->arms[to].s.median - an->arms[from].s.median;
	p->ci_method = "bootstrap";
	p->ci_lo = p->ci_hi = NAN;
	/* Below the size where a median has an order-statistic CI, neither has one. */
	if (isnan(an->arms[to].s.ci_level) || isnan(an->arms[from].s.ci_level))
		return 0;
	return stats_bootstrap_median_diff(s->arms[from].t, b->t, b->n_iter, BOOTSTRAP_REPS,
					   BOOTSTRAP_SEED, CONF_LEVEL, &p->ci_lo, &p->ci_hi);
}

/* tQEMU, tFW, tKernel (split at start_kernel/start_user when seen), total. */
static int phases(const struct session *s, struct analysis *an, int v)
{
	/* --no-patch has the first instruction and the kernel entry instead. */
	int fw = find_arm(s, v, "fw_start") >= 0 ? find_arm(s, v, "fw_start")
						 : find_arm(s, v, "first_insn");
	int jump = find_arm(s, v, "jump") >= 0 ? find_arm(s, v, "jump")
					       : find_arm(s, v, "kernel_entry");
	int kern = find_arm(s, v, "start_kernel"), user = find_arm(s, v, "start_user");
	int probe = find_arm(s, v, "probe"), prev = jump;
	int rc = 0;

	if (fw < 0 || jump < 0 || probe < 0)
		return 0;
	rc |= add_phase(s, an, v, "tQEMU", -1, fw, false);
	rc |= add_phase(s, an, v, "tFW", fw, jump, false);
	rc |= add_phase(s, an, v, "tKernel", jump, probe, false);
	if (kern >= 0 || user >= 0) {
		if (kern >= 0) {
			rc |= add_phase(s, an, v, "jump-to-start_kernel", prev, kern, true);
			prev = kern;
		}
		if (user >= 0) {
			rc |= add_phase(s, an, v,
					kern >= 0 ? "start_kernel-to-start_user"
						  : "jump-to-start_user",
					prev, user, true);
			prev = user;
		}
		rc |= add_phase(s, an, v,
				kern >= 0 && prev == kern ? "start_kernel-to-probe"
							  : "start_user-to-probe",
				prev, probe, true);
	}
	rc |= add_phase(s, an, v, "total", -1, probe, false);
	return rc;
}

static int ratios(const struct session *s, struct analysis *an)
{
	for (int a = 0; a < s->n_arms; a++) {
		const struct arm *x = &s->arms[a];
		int b;
		double *r;

		if (x->variant != 0)
			continue;
		for (b = 0; b < s->n_arms; b++)
			if (s->arms[b].variant == 1 && s->arms[b].point.port == x->point.port &&
			    s->arms[b].point.value == x->point.value)
				break;
		if (b == s->n_arms)
			continue;
		r = malloc(x->n_iter * sizeof(*r));
		if (!r)
			return -1;
		for (long i = 0; i < x->n_iter; i++)
			r[i] = s->arms[b].t[i] / x->t[i]; /* NaN unless both ran */
		an->ratios[an->n_ratios] = (struct ratio_row){ .a = a, .b = b };
		stats_summarize(r, x->n_iter, CONF_LEVEL, &an->ratios[an->n_ratios++].r);
		free(r);
	}
	return 0;
}

int analysis_compute(const struct session *s, struct analysis *an)
{
	int n = s->n_arms ? s->n_arms : 1;

	*an = (struct analysis){ 0 };
	an->arms = calloc(n, sizeof(*an->arms));
	/* At most 4 main and 3 sub-phases per variant. */
	an->phases = calloc(7 * s->n_variants + 1, sizeof(*an->phases));
	an->ratios = calloc(n, sizeof(*an->ratios));
	if (!an->arms || !an->phases || !an->ratios)
		return -1;
	for (int i = 0; i < s->n_arms; i++) {
		const struct arm *a = &s->arms[i];
		struct arm_stats *st = &an->arms[i];
		struct summary u, y;

		if (stats_summarize(a->t, a->n_iter, CONF_LEVEL, &st->s) ||
		    stats_summarize(a->user, a->n_iter, CONF_LEVEL, &u) ||
		    stats_summarize(a->sys, a->n_iter, CONF_LEVEL, &y))
			return -1;
		st->user_mean = u.mean;
		st->sys_mean = y.mean;
	}
	for (int v = 0; v < s->n_variants; v++)
		if (phases(s, an, v))
			return -1;
	return s->n_variants == 2 ? ratios(s, an) : 0;
}

void analysis_free(struct analysis *an)
{
	free(an->arms);
	free(an->phases);
	free(an->ratios);
	*an = (struct analysis){ 0 };
}
