/*
 * Statistics against figures computed independently (python3's statistics
 * module and math.comb, offline; the numbers are written in here).
 */
#include "stats.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

static const double sample[] = { 12.0, 15.5, 9.25,  30.0,  11.0, 14.0,
				 13.5, 10.0, 16.25, 12.75, 11.5, 100.0 };

static void summary_matches_python(void **state)
{
	struct summary s;

	(void)state;
	assert_int_equal(stats_summarize(sample, 12, 0.95, &s), 0);
	assert_int_equal(s.n, 12);
	assert_float_equal(s.mean, 21.3125, 1e-12);
	assert_float_equal(s.sd, 25.3650898696, 1e-9);
	assert_float_equal(s.median, 13.125, 1e-12);
	assert_float_equal(s.p5, 9.6625, 1e-12);
	assert_float_equal(s.p95, 61.5, 1e-12);
	assert_float_equal(s.p99, 92.3, 1e-12);
	assert_float_equal(s.mad, 2.25, 1e-12);
	assert_float_equal(s.min, 9.25, 0);
	assert_float_equal(s.max, 100.0, 0);
	/* n = 12: ranks 3 and 10 (1-based), coverage 1 - 2 * 79/4096. */
	assert_float_equal(s.ci_lo, 11.0, 0);
	assert_float_equal(s.ci_hi, 16.25, 0);
	assert_float_equal(s.ci_level, 0.96142578125, 1e-12);
}

static void missing_runs_are_skipped(void **state)
{
	const double x[] = { NAN, 3, 1, NAN, 2, 4 };
	double y[] = { 3, NAN, 1, 2, 4 };
	struct summary s;

	(void)state;
	assert_int_equal(stats_summarize(x, 6, 0.95, &s), 0);
	assert_int_equal(s.n, 4);
	assert_float_equal(s.median, 2.5, 1e-12);
	assert_float_equal(s.mean, 2.5, 1e-12);
	/* Too few for a 95% interval: no interval rather than a wrong one. */
	assert_true(isnan(s.ci_lo) && isnan(s.ci_hi) && isnan(s.ci_level));
	assert_float_equal(stats_median_inplace(y, 5), 2.5, 1e-12);
}

static void single_and_empty(void **state)
{
	const double one = 7.5, none = NAN;
	struct summary s;

	(void)state;
	assert_int_equal(stats_summarize(&one, 1, 0.95, &s), 0);
	assert_int_equal(s.n, 1);
	assert_float_equal(s.median, 7.5, 0);
	assert_float_equal(s.p99, 7.5, 0);
	assert_float_equal(s.mad, 0, 0);
	assert_true(isnan(s.sd));
	assert_int_equal(stats_summarize(&none, 1, 0.95, &s), 0);
	assert_int_equal(s.n, 0);
	assert_true(isnan(s.median));
}

static void check_ranks(size_t n, long lo, long hi, double level)
{
	size_t l, h;
	double got;

	if (lo < 0) {
		assert_int_equal(stats_median_ci_ranks(n, 0.95, &l, &h, &got), -1);
		return;
	}
	assert_int_equal(stats_median_ci_ranks(n, 0.95, &l, &h, &got), 0);
	assert_int_equal(l, lo);
	assert_int_equal(h, hi);
	assert_float_equal(got, level, 1e-9);
}

/* 0-based ranks and coverage from the exact Binomial(n, 1/2) tails. */
static void median_ci_ranks(void **state)
{
	(void)state;
	check_ranks(5, -1, -1, 0);
	check_ranks(6, 0, 5, 0.96875);
	check_ranks(20, 5, 14, 0.9586105346679688);
	check_ranks(100, 39, 60, 0.9647997997822952);
	check_ranks(1000, 468, 531, 0.9537088026395019);
}

static void quantile_interpolates(void **state)
{
	const double s[] = { 1, 2, 4, 8 };

	(void)state;
	assert_float_equal(stats_quantile(s, 4, 0), 1, 0);
	assert_float_equal(stats_quantile(s, 4, 1), 8, 0);
	assert_float_equal(stats_quantile(s, 4, 0.5), 3, 1e-12);
	/* h = 3 * 0.9 = 2.7: 4 + 0.7 * (8 - 4). */
	assert_float_equal(stats_quantile(s, 4, 0.9), 6.8, 1e-12);
}

static void median_select_agrees_with_sorting(void **state)
{
	double x[101];
	uint64_t seed = 42;

	(void)state;
	/* A permutation of 0..100: the median is 50 whatever the order. */
	for (int i = 0; i < 101; i++)
		x[i] = i;
	for (int i = 100; i > 0; i--) {
		int j = stats_rand(&seed) % (i + 1);
		double t = x[i];

		x[i] = x[j];
		x[j] = t;
	}
	assert_float_equal(stats_median_inplace(x, 101), 50, 0);
	assert_float_equal(stats_median_inplace(x, 100), 49.5, 1e-12);
}

static void bootstrap_of_a_pure_shift(void **state)
{
	double a[40], b[40], lo, hi;
	uint64_t seed = 7;

	(void)state;
	for (int i = 0; i < 40; i++) {
		a[i] = 10 + (stats_rand(&seed) % 1000) / 100.0;
		b[i] = a[i] + 5; /* every resample differs by exactly 5 */
	}
	assert_int_equal(stats_bootstrap_median_diff(a, b, 40, 500, 1, 0.95, &lo, &hi), 0);
	assert_float_equal(lo, 5, 1e-9);
	assert_float_equal(hi, 5, 1e-9);
}

static void bootstrap_is_reproducible_and_brackets(void **state)
{
	double a[60], b[60], lo, hi, lo2, hi2, ma, mb;
	uint64_t seed = 11;

	(void)state;
	for (int i = 0; i < 60; i++) {
		a[i] = 100 + (stats_rand(&seed) % 2000) / 100.0;
		b[i] = 130 + (stats_rand(&seed) % 2000) / 100.0;
	}
	b[3] = NAN; /* a failed run drops out */
	assert_int_equal(stats_bootstrap_median_diff(a, b, 60, 2000, 99, 0.95, &lo, &hi), 0);
	assert_int_equal(stats_bootstrap_median_diff(a, b, 60, 2000, 99, 0.95, &lo2, &hi2), 0);
	assert_float_equal(lo, lo2, 0);
	assert_float_equal(hi, hi2, 0);
	{
		double ca[60], cb[60];

		for (int i = 0; i < 60; i++)
			ca[i] = a[i], cb[i] = b[i];
		ma = stats_median_inplace(ca, 60);
		mb = stats_median_inplace(cb, 60);
	}
	assert_true(lo < mb - ma && mb - ma < hi);
	/* Medians of values spread over 20 cannot move by more than 20. */
	assert_true(lo > 10 && hi < 50);
	assert_int_equal(stats_bootstrap_median_diff(a, b, 0, 100, 1, 0.95, &lo, &hi), 0);
	assert_true(isnan(lo) && isnan(hi));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(summary_matches_python),
		cmocka_unit_test(missing_runs_are_skipped),
		cmocka_unit_test(single_and_empty),
		cmocka_unit_test(median_ci_ranks),
		cmocka_unit_test(quantile_interpolates),
		cmocka_unit_test(median_select_agrees_with_sorting),
		cmocka_unit_test(bootstrap_of_a_pure_shift),
		cmocka_unit_test(bootstrap_is_reproducible_and_brackets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
