/* Order statistics, spread and confidence intervals; see stats.h. */
#include "stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;

	return (a > b) - (a < b);
}

double stats_quantile(const double *sorted, size_t n, double q)
{
	double h = (n - 1) * q;
	size_t i = (size_t)floor(h);

	if (i + 1 >= n)
		return sorted[n - 1];
	return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
}

/* log P(B = k), B ~ Binomial(n, 1/2): n reaches millions, so no 0.5^n. */
static double log_binom_half(size_t n, size_t k)
{
	return lgamma(n + 1.0) - lgamma(k + 1.0) - lgamma(n - k + 1.0) - n * log(2.0);
}

int stats_median_ci_ranks(size_t n, double conf, size_t *lo, size_t *hi, double *level)
{
	double tail = 0, alpha = (1 - conf) / 2;
	size_t k;

	/* The interval [x(k+1), x(n-k)] (1-based) misses the median with
	 * probability 2 P(B <= k); take the largest k keeping that <= 1 - conf. */
	for (k = 0; k < n / 2; k++) {
		double next = tail + exp(log_binom_half(n, k));

		if (next > alpha)
			break;
		tail = next;
	}
	if (k == 0)
		return -1;
	*lo = k - 1;
	*hi = n - k;
	*level = 1 - 2 * tail;
	return 0;
}

/* Wirth's selection: afterwards x[k] is the k-th smallest, smaller before it. */
static double select_kth(double *x, size_t n, size_t k)
{
	long left = 0, right = (long)n - 1, kk = (long)k;

	while (left < right) {
		double pivot = x[kk];
		long i = left, j = right;

		do {
			while (x[i] < pivot)
				i++;
			while (pivot < x[j])
				j--;
			if (i <= j) {
				double t = x[i];

				x[i++] = x[j];
				x[j--] = t;
			}
		} while (i <= j);
		if (j < kk)
			left = i;
		if (kk < i)
			right = j;
	}
	return x[kk];
}

double stats_median_inplace(double *x, size_t n)
{
	size_t m = 0;
	double lower, upper;

	for (size_t i = 0; i < n; i++)
		if (isfinite(x[i]))
			x[m++] = x[i];
	if (m == 0)
		return NAN;
	upper = select_kth(x, m, m / 2);
	if (m % 2)
		return upper;
	/* The lower middle is the largest value left of the upper one. */
	lower = x[0];
	for (size_t i = 1; i < m / 2; i++)
		if (x[i] > lower)
			lower = x[i];
	return (lower + upper) / 2;
}

int stats_summarize(const double *x, size_t n, double conf, struct summary *s)
{
	double *v = malloc((n ? n : 1) * sizeof(*v)), sum = 0, sq = 0;
	size_t m = 0, lo, hi;

	*s = (struct summary){ .mean = NAN,
			       .sd = NAN,
			       .median = NAN,
			       .ci_lo = NAN,
			       .ci_hi = NAN,
			       .ci_level = NAN,
			       .p5 = NAN,
			       .p95 = NAN,
			       .p99 = NAN,
			       .mad = NAN,
			       .min = NAN,
			       .max = NAN };
	if (!v)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (isfinite(x[i]))
			v[m++] = x[i];
	s->n = m;
	if (m == 0) {
		free(v);
		return 0;
	}
	qsort(v, m, sizeof(*v), cmp_double);
	for (size_t i = 0; i < m; i++)
		sum += v[i];
	s->mean = sum / m;
	for (size_t i = 0; i < m; i++)
		sq += (v[i] - s->mean) * (v[i] - s->mean);
	if (m > 1)
		s->sd = sqrt(sq / (m - 1));
	s->median = stats_quantile(v, m, 0.5);
	s->p5 = stats_quantile(v, m, 0.05);
	s->p95 = stats_quantile(v, m, 0.95);
	s->p99 = stats_quantile(v, m, 0.99);
	s->min = v[0];
	s->max = v[m - 1];
	if (stats_median_ci_ranks(m, conf, &lo, &hi, &s->ci_level) == 0) {
		s->ci_lo = v[lo];
		s->ci_hi = v[hi];
	} else {
		s->ci_level = NAN;
	}
	for (size_t i = 0; i < m; i++)
		v[i] = fabs(v[i] - s->median);
	s->mad = stats_median_inplace(v, m);
	free(v);
	return 0;
}

uint64_t stats_rand(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

int stats_bootstrap_median_diff(const double *a, const double *b, size_t n, unsigned reps,
				uint64_t seed, double conf, double *lo, double *hi)
{
	double *ra = malloc((n ? n : 1) * sizeof(double)),
	       *rb = malloc((n ? n : 1) * sizeof(double));
	double *diff = malloc((reps ? reps : 1) * sizeof(double));
	size_t kept = 0;
	int rc = -1;

	*lo = *hi = NAN;
	if (!ra || !rb || !diff)
		goto out;
	rc = 0;
	if (n == 0)
		goto out;
	for (unsigned r = 0; r < reps; r++) {
		double d;

		for (size_t i = 0; i < n; i++) {
			/* Modulo bias is below 1e-13 for any realistic n. */
			size_t k = stats_rand(&seed) % n;

			ra[i] = a[k];
			rb[i] = b[k];
		}
		d = stats_median_inplace(rb, n) - stats_median_inplace(ra, n);
		if (isfinite(d))
			diff[kept++] = d;
	}
	if (kept) {
		qsort(diff, kept, sizeof(*diff), cmp_double);
		*lo = stats_quantile(diff, kept, (1 - conf) / 2);
		*hi = stats_quantile(diff, kept, 1 - (1 - conf) / 2);
	}
out:
	free(ra);
	free(rb);
	free(diff);
	return rc;
}
