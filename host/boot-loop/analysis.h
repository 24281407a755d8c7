/*
 * Figures derived from a session: a summary per arm, boot phases as
 * differences of medians between points of one variant, and B/A ratios per
 * interleaved pair under --compare.
 */
#ifndef ANALYSIS_H
#define ANALYSIS_H

#include "session.h"
#include "stats.h"

#define CONF_LEVEL 0.95
#define BOOTSTRAP_REPS 2000
#define BOOTSTRAP_SEED 0x626f6f746c6f6f70ULL /* "bootloop": reruns agree */

struct arm_stats {
	struct summary s;
	double user_mean, sys_mean; /* QEMU's CPU seconds per sample */
};

struct phase_row {
	int variant;
	const char *name; /* tQEMU, tFW, tKernel, total, or a kernel sub-phase */
	int from, to;     /* arm indices; from -1: since spawn */
	bool sub;         /* a part of tKernel */
	double median;    /* median(to) - median(from) */
	double ci_lo, ci_hi;
	const char *ci_method; /* "order-statistic" or "bootstrap" */
	struct summary spread; /* of per-iteration differences to - from */
};

struct ratio_row {
	int a, b;         /* arm indices of variant A and B */
	struct summary r; /* of per-pair ratios t_B / t_A */
};

struct analysis {
	struct arm_stats *arms;
	struct phase_row *phases;
	int n_phases;
	struct ratio_row *ratios;
	int n_ratios;
};

int analysis_compute(const struct session *s, struct analysis *an);
void analysis_free(struct analysis *an);

#endif
