/* --timeline-source=qemu-trace: QEMU's memory_region_ops_write log lines. */
#include "qemu-trace.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

/* As QEMU 7.2 writes them: no device on 0xf4 ('io'), a debugcon on 0xf5. */
static void good_lines(void **state)
{
	double rt = 0;
	unsigned port = 0;
	int value = 0;

	(void)state;
	assert_int_equal(qtrace_parse("27459@1795400348.859655:memory_region_ops_write cpu 0 mr "
				      "0x56482e3942e0 addr 0xf4 value 0x4 size 1 name 'io'\n",
				      &rt, &port, &value), 0);
	assert_float_equal(rt, 1795400348.859655, 1e-6);
	assert_int_equal(port, 0xf4);
	assert_int_equal(value, 4);
	assert_int_equal(qtrace_parse("27459@1795400348.850059:memory_region_ops_write cpu 0 mr "
				      "0x56482e2713d0 addr 0xf5 value 0x1 size 1 name 'isa-debugcon'",
				      &rt, &port, &value), 0);
	assert_int_equal(port, 0xf5);
	assert_int_equal(value, 1);
	/* Cut short after the size (a long name past the line buffer) still counts. */
	assert_int_equal(qtrace_parse("1@2.000001:memory_region_ops_write cpu 0 mr 0x1 addr 0xf4 "
				      "value 0x8 size 1", &rt, &port, &value), 0);
	assert_int_equal(value, 8);
}

static void other_lines(void **state)
{
	static const char *const bad[] = {
		/* Other ports, sizes, values. */
		"1@2.5:memory_region_ops_write cpu 0 mr 0x1 addr 0xcf8 value 0x80000000 size 4 name 'pci-conf-idx'",
		"1@2.5:memory_region_ops_write cpu 0 mr 0x1 addr 0xf4 value 0x3 size 2 name 'io'",
		"1@2.5:memory_region_ops_write cpu 0 mr 0x1 addr 0xf40 value 0x3 size 1 name 'io'",
		"1@2.5:memory_region_ops_write cpu 0 mr 0x1 addr 0xf4 value 0x103 size 1 name 'io'",
		/* Other events, reads. */
		"1@2.5:memory_region_ops_read cpu 0 mr 0x1 addr 0xf4 value 0x3 size 1 name 'io'",
		"1@2.5:exec_tb tb:0x1 pc=0xfffffff0",
		/* No stamp (no -msg timestamp=on), broken stamp or PID. */
		"memory_region_ops_write cpu 0 mr 0x1 addr 0xf4 value 0x3 size 1 name 'io'",
		"1@:memory_region_ops_write cpu 0 mr 0x1 addr 0xf4 value 0x3 size 1 name 'io'",
		"1@2.5x:memory_region_ops_write cpu 0 mr 0x1 addr 0xf4 value 0x3 size 1 name 'io'",
		"@2.5:memory_region_ops_write cpu 0 mr 0x1 addr 0xf4 value 0x3 size 1 name 'io'",
		"1@-2.5:memory_region_ops_write cpu 0 mr 0x1 addr 0xf4 value 0x3 size 1 name 'io'",
		/* Fields missing, garbled or cut off. */
		"1@2.5:memory_region_ops_write cpu 0 mr 0x1 addr 0xf4 size 1 name 'io'",
		"1@2.5:memory_region_ops_write cpu 0 mr 0x1 addr 0x value 0x3 size 1 name 'io'",
		"1@2.5:memory_region_ops_write cpu 0 mr 0x1 addr 0xf4 value 0xzz size 1 name 'io'",
		"1@2.5:memory_region_ops_write cpu 0 mr 0x1 addr 0xf4 value 0x3 si",
		"1@2.5:memory_region_ops_write cpu 0 mr 0x1 addr 0xf4 value -0x3 size 1 name 'io'",
		"1@2.5:memory_region_ops_write",
		"",
		"qemu-system-x86_64: terminating on signal 9 from pid 42",
	};
	double rt;
	unsigned port;
	int value;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(qtrace_parse(bad[i], &rt, &port, &value), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(good_lines),
		cmocka_unit_test(other_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
