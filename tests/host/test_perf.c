/*
 * perf script parsing, both text forms, points named by the numbering
 * asked for. Fixtures: the published qemu-boot-time sample (old numbering,
 * Python-handler form) and the same events in perf's default form with the
 * current numbering. Expected phases computed offline with python3.
 */
#include "perf-parse.h"
#include "perf-report.h"

#include "boot-trace.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#ifndef FIXTURES
#define FIXTURES "tests/host/fixtures"
#endif

static void handler_form(void **state)
{
	struct perf_event e;

	(void)state;
	assert_int_equal(perf_parse_line("kvm__kvm_pio             1 55061.467070650   289741 "
					 "qemu-system-x86      rw=1, port=0xf5, size=1, count=1, "
					 "val=4\n",
					 &e),
			 1);
	assert_int_equal(e.kind, PERF_PIO_WRITE);
	assert_true(e.ns == 55061467070650LL);
	assert_int_equal(e.port, 0xf5);
	assert_int_equal(e.value, 4);
	assert_int_equal(perf_parse_line("sched__sched_process_exec     1 55061.435418353   "
					 "289738 qemu-system-x86\n",
					 &e),
			 1);
	assert_int_equal(e.kind, PERF_EXEC);
	assert_true(e.ns == 55061435418353LL);
	assert_int_equal(perf_parse_line("kvm__kvm_pio 1 5.5 7 q rw=0, port=0x510, size=2, "
					 "count=1, val=1\n",
					 &e),
			 0);
	assert_int_equal(perf_parse_line("in trace_begin\n", &e), 0);
	assert_int_equal(perf_parse_line("\n", &e), 0);
	assert_int_equal(perf_parse_line("kvm__kvm_pio 1 x 7 q rw=1\n", &e), -1);
}

static void default_form(void **state)
{
	struct perf_event e;

	(void)state;
	assert_int_equal(perf_parse_line("qemu-system-x86 289741 [001] 55061.467070650: kvm:kvm_pio:"
					 " pio_write at 0xf4 size 1 count 1 val 0x8\n",
					 &e),
			 1);
	assert_int_equal(e.kind, PERF_PIO_WRITE);
	assert_true(e.ns == 55061467070650LL);
	assert_int_equal(e.port, 0xf4);
	assert_int_equal(e.value, TRACE_USER_PROBE);
	/* Without the CPU column, and with fewer fraction digits. */
	assert_int_equal(perf_parse_line("qemu 1 12.5: kvm:kvm_entry: vcpu 0, rip 0xfff0", &e), 1);
	assert_int_equal(e.kind, PERF_ENTRY);
	assert_true(e.ns == 12500000000LL);
	assert_int_equal(perf_parse_line("qemu 1 [000] 1.0: kvm:kvm_pio: pio_read at 0x511 size 1 "
					 "count 1 val 0x51",
					 &e),
			 0);
	assert_int_equal(perf_parse_line("qemu 1 [000] 1.0: sched:sched_switch: prev=a", &e), 0);
}

static void numbering(void **state)
{
	(void)state;
	/* Old: 4 meant fw_do_boot, 5 start_kernel, 6 start_user. */
	assert_int_equal(perf_point_value(0xf5, 4, true), TRACE_FW_DO_BOOT);
	assert_int_equal(perf_point_value(0xf4, 5, true), TRACE_LINUX_START_KERNEL);
	assert_int_equal(perf_point_value(0xf4, 6, true), TRACE_LINUX_START_USER);
	assert_int_equal(perf_point_value(0xf4, 3, true), TRACE_LINUX_START_BOOT);
	assert_int_equal(perf_point_value(0xf4, 9, true), 0);
	/* Current: the ABI's own values; errors and other ports are no point. */
	assert_int_equal(perf_point_value(0xf5, 5, false), TRACE_FW_DO_BOOT);
	assert_int_equal(perf_point_value(0xf4, 7, false), TRACE_LINUX_START_USER);
	assert_int_equal(perf_point_value(0xf4, TRACE_ERR_E820, false), 0);
	assert_int_equal(perf_point_value(0x80, 1, false), 0);
}

static char *report(const char *file, int old)
{
	FILE *in = fopen(file, "r"), *out;
	char *buf = NULL;
	size_t len = 0;

	assert_non_null(in);
	out = open_memstream(&buf, &len);
	assert_int_equal(perf_report(in, out, old, "fixture"), 0);
	fclose(out);
	fclose(in);
	return buf;
}

/* Per boot tFW 10.097387, 9.840117, 10.743277 ms; tKernel 209.681626,
 * 198.356289, 194.296708; exec to kvm_entry 31.469355, 34.533397, 36.683444. */
static void both_forms_give_the_same_phases(void **state)
{
	char *a = report(FIXTURES "/perf-script-kvm-pio.txt", 1);
	char *b = report(FIXTURES "/perf-script-default-current.txt", 0);
	const char *phases[] = {
		"qemu_init  exec to first kvm_entry              3     34.533     34.229     31.469 "
		"    36.683\n",
		"tFW        fw_start to linux_start_boot/pvh     3     10.097     10.227      9.840 "
		"    10.743\n",
		"tKernel    jump to linux_start_user             3    198.356    200.778    194.297 "
		"   209.682\n",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(phases) / sizeof(phases[0]); i++) {
		assert_non_null(strstr(a, phases[i]));
		assert_non_null(strstr(b, phases[i]));
	}
	/* Columns in boot order, named by the numbering given. */
	assert_non_null(strstr(a, "kvm_entry   fw_start fw_do_boot linux_start_boot "
				  "linux_start_kernel linux_start_user"));
	assert_non_null(strstr(b, "1     55061.435418353        31.469     31.652     40.400"));
	free(a);
	free(b);
}

static void no_boot(void **state)
{
	FILE *in = fmemopen((char *)"in trace_begin\nin trace_end\n", 29, "r");
	FILE *out = fopen("/dev/null", "w");

	(void)state;
	assert_int_equal(perf_report(in, out, 0, "empty"), -1);
	fclose(in);
	fclose(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(handler_form), cmocka_unit_test(default_form),
		cmocka_unit_test(numbering),    cmocka_unit_test(both_forms_give_the_same_phases),
		cmocka_unit_test(no_boot),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
