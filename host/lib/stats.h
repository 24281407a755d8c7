/*
 * Statistics of boot times. Percentiles interpolate linearly between order
 * statistics (Hyndman-Fan type 7, numpy's default). The confidence interval
 * of a median is the distribution-free order-statistic one: ranks from the
 * Binomial(n, 1/2) distribution, coverage at least the level asked for.
 */
#ifndef STATS_H
#define STATS_H

#include <stddef.h>
#include <stdint.h>

struct summary {
	size_t n;
	double mean, sd; /* sd with n - 1; NaN for n < 2 */
	double median;
	double ci_lo, ci_hi; /* NaN when n is too small for the level */
	double ci_level;     /* the interval's exact coverage, NaN likewise */
	double p5, p95, p99;
	double mad; /* median absolute deviation, unscaled */
	double min, max;
};

/* Summary of the finite values of x[0..n) (NaN marks a missing run). */
int stats_summarize(const double *x, size_t n, double conf, struct summary *s);

/* Quantile q in [0, 1] of sorted[0..n), n > 0, type 7. */
double stats_quantile(const double *sorted, size_t n, double q);

/*
 * Ranks for the median's CI at level conf: [sorted[*lo], sorted[*hi]]
 * (0-based) covers the median with probability *level >= conf. Returns -1
 * when no pair of ranks reaches conf (n < 6 at 95%).
 */
int stats_median_ci_ranks(size_t n, double conf, size_t *lo, size_t *hi, double *level);

/* Median of x[0..n) (finite values only), reordering x. NaN if none. */
double stats_median_inplace(double *x, size_t n);

/*
 * Percentile-bootstrap CI of median(b) - median(a) over paired iterations:
 * resamples iteration indices with replacement (NaN entries drop out of that
 * resample's medians), reps times, from a fixed seed so reruns agree.
 * NaN bounds when nothing can be resampled; -1 only when out of memory.
 */
int stats_bootstrap_median_diff(const double *a, const double *b, size_t n, unsigned reps,
				uint64_t seed, double conf, double *lo, double *hi);

/* splitmix64: a small reproducible generator for the bootstrap. */
uint64_t stats_rand(uint64_t *state);

#endif
