/*
 * trace-names.c: the host tools' names of the trace ABI's values are the
 * lists' entries for every value, and NULL for anything else (one past each
 * end, below, negative). 0x28 has its name: an older table ended at 0x27
 * and was read past its end.
 */
#include "trace-names.h"

#include "boot-trace.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#define POINT(n, v, port, name, meaning) { v, name },
#define ERROR(n, v, id, meaning) { v, id, meaning },
static const struct {
	int value;
	const char *name;
} points[] = { BOOT_TRACE_POINTS(POINT) };
static const struct {
	int value;
	const char *id, *meaning;
} errors[] = { BOOT_TRACE_ERRORS(ERROR) };
#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static bool is_point(int v)
{
	for (int i = 0; i < COUNT(points); i++)
		if (points[i].value == v)
			return true;
	return false;
}

static void every_point(void **state)
{
	(void)state;
	for (int i = 0; i < COUNT(points); i++) {
		assert_non_null(trace_point_name(points[i].value));
		assert_string_equal(trace_point_name(points[i].value), points[i].name);
		/* a point is no error */
		assert_null(trace_error_name(points[i].value));
		assert_null(trace_error_id(points[i].value));
	}
}

static void every_error(void **state)
{
	(void)state;
	for (int i = 0; i < COUNT(errors); i++) {
		assert_non_null(trace_error_name(errors[i].value));
		assert_string_equal(trace_error_name(errors[i].value), errors[i].meaning);
		assert_non_null(trace_error_id(errors[i].value));
		assert_string_equal(trace_error_id(errors[i].value), errors[i].id);
		assert_null(trace_point_name(errors[i].value));
	}
}

static void truncated_has_a_name(void **state)
{
	(void)state;
	assert_int_equal(TRACE_ERR_TRUNCATED, 0x28);
	assert_string_equal(trace_error_id(0x28), "truncated");
	assert_non_null(trace_error_name(0x28));
	assert_string_equal(trace_error_name(0x28),
			    "the bzImage is shorter than its header says (truncated file)");
}

static void outside_the_lists(void **state)
{
	int max_point = 0;

	(void)state;
	for (int i = 0; i < COUNT(points); i++)
		if (points[i].value > max_point)
			max_point = points[i].value;
	/* one past the end, by count and by the highest value */
	assert_null(trace_point_name(COUNT(points) + 1));
	assert_null(trace_point_name(max_point + 1));
	assert_null(trace_point_name(0)); /* never a point */
	assert_null(trace_point_name(-1));
	assert_null(trace_point_name(-1000));
	assert_null(trace_point_name(256));
	for (int v = 0; v < TRACE_ERR_BASE; v++)
		if (!is_point(v))
			assert_null(trace_point_name(v));

	assert_null(trace_error_name(TRACE_ERR_LAST + 1));
	assert_null(trace_error_id(TRACE_ERR_LAST + 1));
	assert_null(trace_error_name(TRACE_ERR_BASE - 1));
	assert_null(trace_error_id(TRACE_ERR_BASE - 1));
	assert_null(trace_error_name(-1));
	assert_null(trace_error_id(-1));
	assert_null(trace_error_name(-1000));
	assert_null(trace_error_id(-1000));
	assert_null(trace_error_name(0));
	assert_null(trace_error_id(0));
	for (int v = TRACE_ERR_LAST + 1; v < 256; v++) {
		assert_null(trace_error_name(v));
		assert_null(trace_error_id(v));
		assert_null(trace_point_name(v));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_point),
		cmocka_unit_test(every_error),
		cmocka_unit_test(truncated_has_a_name),
		cmocka_unit_test(outside_the_lists),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
