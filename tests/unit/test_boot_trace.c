/*
 * include/boot-trace.h: the trace ABI's two lists, from which the TRACE_*
 * constants, the firmware's error lines, the host tools' names and the
 * documented tables all come. Every value has its name, meaning and exit
 * status; points and errors cannot collide; errors run on without a gap, in
 * value order (the firmware finds an error's id by its position).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "boot-trace.h"

struct point {
	int constant, value, port;
	const char *name, *meaning, *symbol;
};

struct error {
	int constant, value;
	const char *id, *meaning, *symbol;
};

#define POINT(n, v, port, name, meaning) { TRACE_##n, v, port, name, meaning, "TRACE_" #n },
#define ERROR(n, v, id, meaning) { TRACE_##n, v, id, meaning, "TRACE_" #n },
static const struct point points[] = { BOOT_TRACE_POINTS(POINT) };
static const struct error errors[] = { BOOT_TRACE_ERRORS(ERROR) };
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Names and ids are what tools and shell scripts match: [a-z0-9_]+. */
static void check_word(const char *symbol, const char *s)
{
	assert_non_null(s);
	if (!*s)
		fail_msg("%s: empty name", symbol);
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			fail_msg("%s: name \"%s\" is not [a-z0-9_]+", symbol, s);
}

static void check_meaning(const char *symbol, const char *s)
{
	assert_non_null(s);
	if (!*s)
		fail_msg("%s: empty meaning", symbol);
}

static void names_and_meanings(void **state)
{
	(void)state;
	assert_true(COUNT(points) > 0);
	assert_true(COUNT(errors) > 0);
	for (size_t i = 0; i < COUNT(points); i++) {
		check_word(points[i].symbol, points[i].name);
		check_meaning(points[i].symbol, points[i].meaning);
		assert_int_equal(points[i].constant, points[i].value);
	}
	for (size_t i = 0; i < COUNT(errors); i++) {
		check_word(errors[i].symbol, errors[i].id);
		check_meaning(errors[i].symbol, errors[i].meaning);
		assert_int_equal(errors[i].constant, errors[i].value);
	}
}

/* No value twice across both lists, and no name twice within one. */
static void values_unique(void **state)
{
	int owner[256] = { 0 }; /* 1 + index into points, or -(1 + index into errors) */

	(void)state;
	for (size_t i = 0; i < COUNT(points); i++) {
		int v = points[i].value;

		assert_in_range(v, 0, 255);
		if (owner[v])
			fail_msg("%s: value %d is taken twice", points[i].symbol, v);
		owner[v] = (int)i + 1;
		for (size_t j = 0; j < i; j++)
			if (!strcmp(points[i].name, points[j].name))
				fail_msg("%s and %s: both named \"%s\"", points[j].symbol,
					 points[i].symbol, points[i].name);
	}
	for (size_t i = 0; i < COUNT(errors); i++) {
		int v = errors[i].value;

		assert_in_range(v, 0, 255);
		if (owner[v])
			fail_msg("%s: value 0x%x is taken twice", errors[i].symbol, v);
		owner[v] = -(int)i - 1;
		for (size_t j = 0; j < i; j++)
			if (!strcmp(errors[i].id, errors[j].id))
				fail_msg("%s and %s: both named \"%s\"", errors[j].symbol,
					 errors[i].symbol, errors[i].id);
	}
}

/* Points in 1..TRACE_ERR_BASE-1: 0 would exit QEMU with its own status 1. */
static void point_range(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(points); i++) {
		if (points[i].value == 0)
			fail_msg("%s: value 0 (exit status 1 is QEMU's own error)",
				 points[i].symbol);
		assert_in_range(points[i].value, 1, TRACE_ERR_BASE - 1);
	}
}

/* The i-th error is TRACE_ERR_BASE + i, the last TRACE_ERR_LAST. */
static void errors_contiguous(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(errors); i++)
		if (errors[i].value != TRACE_ERR_BASE + (int)i)
			fail_msg("%s is 0x%x; in list order it must be 0x%x", errors[i].symbol,
				 errors[i].value, TRACE_ERR_BASE + (int)i);
	assert_int_equal(errors[0].value, TRACE_ERR_BASE);
	assert_int_equal(errors[COUNT(errors) - 1].value, TRACE_ERR_LAST);
	assert_int_equal(TRACE_ERR_LAST - TRACE_ERR_BASE + 1, COUNT(errors));
}

/* isa-debug-exit's status (value << 1) | 1; errors land in 65..127, clear
 * of QEMU's own statuses, the points' and the shell's 128+signal. */
static void exit_statuses(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(points); i++)
		assert_int_equal(TRACE_EXIT_STATUS(points[i].value), 2 * points[i].value + 1);
	for (size_t i = 0; i < COUNT(errors); i++) {
		int status = TRACE_EXIT_STATUS(errors[i].value);

		assert_int_equal(status, 2 * errors[i].value + 1);
		if (status < 65 || status > 127)
			fail_msg("%s: exit status %d is outside 65..127", errors[i].symbol, status);
	}
	for (int v = 0; v < 128; v++)
		assert_int_equal(TRACE_EXIT_STATUS(v), 2 * v + 1);
}

static void ports(void **state)
{
	(void)state;
	assert_int_equal(TRACE_PORT_LINUX, 0xf4);
	assert_int_equal(TRACE_PORT_FW, 0xf5);
	for (size_t i = 0; i < COUNT(points); i++)
		if (points[i].port != 0xf4 && points[i].port != 0xf5)
			fail_msg("%s: port 0x%x is neither 0xf4 nor 0xf5", points[i].symbol,
				 points[i].port);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_and_meanings), cmocka_unit_test(values_unique),
		cmocka_unit_test(point_range),        cmocka_unit_test(errors_contiguous),
		cmocka_unit_test(exit_statuses),      cmocka_unit_test(ports),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
