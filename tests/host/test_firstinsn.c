/*
 * first_insn standing in for fw_start: the first exec_tb line of QEMU's log
 * (however the pipe splits it), and the choice made from the discovery run.
 */
#include "firstinsn.h"
#include "runner.h"

#include "boot-trace.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

static struct launch_result fresh(void)
{
	return (struct launch_result){ .stop_value = -1, .stop_seen_s = -1, .first_insn_s = -1,
				       .first_insn_stamp_s = -1, .fork_realtime = 1795396325.0 };
}

static bool feed(struct launch_result *r, const char *text, double t)
{
	return firstinsn_feed(r, (const unsigned char *)text, strlen(text), t);
}

static void first_exec_tb_line(void **state)
{
	struct launch_result r = fresh();
	struct exit_point fi = firstinsn_point;
	double t;
	int value;

	(void)state;
	/* Other log lines (the user's own -trace) come first; the line arrives in pieces. */
	assert_false(feed(&r, "77@1795396325.010000:memory_region_ops_write cpu 0\n", 0.010));
	assert_false(feed(&r, "77@1795396325.020000:exec_tb tb:0x7f0", 0.020));
	assert_false(runner_byte_seen(&r, &fi, &t, &value));
	assert_true(feed(&r, "4000040 pc=0xfffffff0\n77@1795396325.0201:exec_tb", 0.021));
	assert_float_equal(r.first_insn_s, 0.021, 1e-12);
	assert_float_equal(r.first_insn_stamp_s, 0.020, 1e-6);
	/* Only once: the rest of the log is drained, not taken. */
	assert_false(feed(&r, " tb:0x1 pc=0xfe05b\n", 0.030));
	assert_float_equal(r.first_insn_s, 0.021, 1e-12);
	assert_true(runner_byte_seen(&r, &fi, &t, &value));
	assert_float_equal(t, 0.021, 1e-12);
	assert_int_equal(value, TRACE_FW_START);
}

static void overlong_lines_are_skipped(void **state)
{
	struct launch_result r = fresh();
	char junk[400];

	(void)state;
	memset(junk, 'x', sizeof(junk) - 2);
	junk[sizeof(junk) - 2] = '\n';
	junk[sizeof(junk) - 1] = '\0';
	assert_false(feed(&r, junk, 0.001));
	assert_true(feed(&r, "9@1795396325.5:exec_tb tb:0x1 pc=0xfffffff0\n", 0.5));
}

static struct config cfg = { .mode = MODE_PHASES, .machine = "pc", .accel = "tcg" };

/* A discovery run that wrote these bytes on pipe 0 (0xf5) and pipe 1 (0xf4). */
static struct launch_result wrote(const int *f5, int n5, const int *f4, int n4)
{
	struct launch_result r = fresh();

	for (int i = 0; i < n5; i++)
		r.bytes[r.n_bytes++] = (struct trace_byte){ f5[i], 0, 0.01 * i };
	for (int i = 0; i < n4; i++)
		r.bytes[r.n_bytes++] = (struct trace_byte){ f4[i], 1, 0.1 + 0.01 * i };
	return r;
}

static void decide(enum fw_start_from from, const char *accel, int variants,
		   const struct launch_result *disc, bool expect)
{
	struct session s = { .cfg = &cfg, .n_variants = variants };

	cfg.fw_start = from;
	for (int v = 0; v < variants; v++)
		s.variants[v].accel = accel;
	firstinsn_decide(&s, disc);
	for (int v = 0; v < variants; v++)
		assert_int_equal(s.variants[v].first_insn, expect);
	/* Whenever first_insn is used, or wanted but impossible, a note says why. */
	assert_int_equal(s.fw_start_note[0] != '\0', expect || !strcmp(accel, "kvm"));
}

static void choice_from_discovery(void **state)
{
	static const int fw[] = { TRACE_FW_START, TRACE_FW_DO_BOOT };
	static const int jump[] = { TRACE_LINUX_START_BOOT, TRACE_LINUX_START_KERNEL, TRACE_USER_PROBE };
	static const int err[] = { TRACE_ERR_NO_KERNEL };
	struct launch_result patched = wrote(fw, 2, jump, 3), stock = wrote(NULL, 0, jump, 3);
	struct launch_result broken = wrote(err, 1, err, 1), both[2] = { patched, stock };

	(void)state;
	decide(FWSTART_AUTO, "tcg", 1, &patched, false);
	decide(FWSTART_AUTO, "tcg", 1, &stock, true);
	/* A run that never reached the jump tells nothing: fw_start, whose failure shows. */
	decide(FWSTART_AUTO, "tcg", 1, &broken, false);
	/* --compare: one variant without fw_start moves both, like with like. */
	decide(FWSTART_AUTO, "tcg", 2, both, true);
	decide(FWSTART_PORT, "tcg", 1, &stock, false);
	decide(FWSTART_EXEC_TB, "tcg", 1, &patched, true);
	/* No exec_tb under KVM: nothing stands in, a note says so. */
	decide(FWSTART_AUTO, "kvm", 1, &stock, false);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(first_exec_tb_line),
		cmocka_unit_test(overlong_lines_are_skipped),
		cmocka_unit_test(choice_from_discovery),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
