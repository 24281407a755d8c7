/*
 * A run's channels as boot-loop reads them: the first exec_tb line of a
 * first-insn log (however the pipe splits it), QEMU's own write log under
 * qemu-trace, trace bytes and the stop; and the choice of first_insn made
 * from the discovery run.
 */
#include "firstinsn.h"
#include "launch.h"

#include "boot-trace.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#define FORK_REALTIME 1795396325.0

static struct launch_result fresh(void)
{
	return (struct launch_result){ .exit.fork_realtime = FORK_REALTIME,
				       .stop_value = -1,
				       .stop_seen_s = -1,
				       .first_insn_s = -1,
				       .first_insn_stamp_s = -1 };
}

/* No descriptors: a monitor command goes nowhere. */
static const struct qemu_run_io no_io = { -1, { -1, -1, -1, -1, -1, -1 } };

static struct launch_watch w;

/* A watch as launch_run starts it, on r. */
static void watch(const struct launch_opts *o, struct launch_result *r)
{
	launch_watch_init(&w, o, r);
	r->exit.fork_realtime = FORK_REALTIME;
}

/* Bytes arriving on channel chan at t; true if the run is to stop. */
static bool data(int chan, const char *text, double t)
{
	return launch_watch_data(&w, &no_io, chan, (const unsigned char *)text, strlen(text), t) ==
	       QEMU_RUN_STOP;
}

/* The first exec_tb line: channel 2 after the two trace ports, a monitor after it. */
static const struct launch_opts first_insn_opts = { .n_watch = 3,
						    .stop_watch = 1,
						    .stop_value = 8,
						    .log_pipe = true,
						    .monitor_cmd = FIRSTINSN_TRACE_OFF };

static bool feed(struct launch_result *r, const char *text, double t)
{
	(void)r;
	data(2, text, t);
	return w.r->first_insn_s == t;
}

static void first_exec_tb_line(void **state)
{
	struct launch_result r;
	struct exit_point fi = firstinsn_point;
	double t;
	int value;

	(void)state;
	watch(&first_insn_opts, &r);
	/* Other log lines (the user's own -trace) come first; the line arrives in pieces. */
	assert_false(feed(&r, "77@1795396325.010000:memory_region_ops_write cpu 0\n", 0.010));
	assert_false(feed(&r, "77@1795396325.020000:exec_tb tb:0x7f0", 0.020));
	assert_false(launch_byte_seen(&r, &fi, &t, &value));
	assert_true(feed(&r, "4000040 pc=0xfffffff0\n77@1795396325.0201:exec_tb", 0.021));
	assert_float_equal(r.first_insn_s, 0.021, 1e-12);
	assert_float_equal(r.first_insn_stamp_s, 0.020, 1e-6);
	/* Only once: the rest of the log is drained, not taken; the run goes on. */
	assert_false(data(2, " tb:0x1 pc=0xfe05b\n", 0.030));
	assert_float_equal(r.first_insn_s, 0.021, 1e-12);
	assert_true(launch_byte_seen(&r, &fi, &t, &value));
	assert_float_equal(t, 0.021, 1e-12);
	assert_int_equal(value, TRACE_FW_START);
}

static void overlong_lines_are_skipped(void **state)
{
	struct launch_result r;
	char junk[QEMU_LOG_LINE_MAX + 100];

	(void)state;
	watch(&first_insn_opts, &r);
	memset(junk, 'x', sizeof(junk) - 2);
	junk[sizeof(junk) - 2] = '\n';
	junk[sizeof(junk) - 1] = '\0';
	assert_false(feed(&r, junk, 0.001));
	assert_true(feed(&r, "9@1795396325.5:exec_tb tb:0x1 pc=0xfffffff0\n", 0.5));
}

/* --phases' first_insn runs end at the line; a trace byte of 8 on 0xf4 ends others. */
static void stops(void **state)
{
	struct launch_opts killed_at_line = first_insn_opts;
	struct launch_result r;

	(void)state;
	killed_at_line.log_stop = true;
	watch(&killed_at_line, &r);
	assert_true(data(2, "1@1795396325.25:exec_tb tb:0x1 pc=0xfffffff0\n", 0.3));
	assert_true(r.log_stopped);
	watch(&first_insn_opts, &r);
	assert_false(data(0, "\x01\x05", 0.1));
	assert_false(data(1, "\x03\x06", 0.2));
	assert_true(data(1, "\x08", 0.4));
	assert_int_equal(r.stop_value, 8);
	assert_float_equal(r.stop_seen_s, 0.4, 1e-12);
	assert_int_equal(r.n_bytes, 5);
	/* The monitor's banner (channel 3, after the log) is no trace byte. */
	watch(&first_insn_opts, &r);
	assert_false(
		data(3, "QEMU 7.2.0 monitor - type 'help' for more information\r\n(qemu) ", 0.1));
	assert_int_equal(r.n_bytes, 0);
	assert_int_equal(r.error_value, 0);
	/* A firmware error on any channel ends the run. */
	watch(&first_insn_opts, &r);
	assert_true(data(0, "\x01\x28", 0.1));
	assert_int_equal(r.error_value, 0x28);
}

/* --timeline-source=qemu-trace: size-1 writes to 0xf4/0xf5, stamped by QEMU. */
static void qemu_trace_log(void **state)
{
	static const struct launch_opts qtrace = {
		.n_watch = 1, .stop_watch = 1, .stop_value = 8, .qtrace = true
	};
	static const char *const ignored[] = {
		"1@1795396325.5:memory_region_ops_write cpu 0 mr 0x1 addr 0xcf8 value 0x8 size 4 name 'pci'\n",
		"1@1795396325.5:memory_region_ops_write cpu 0 mr 0x1 addr 0xf4 value 0x8 size 2 name 'io'\n",
		"1@1795396325.5:memory_region_ops_write cpu 0 mr 0x1 addr 0xf40 value 0x8 size 1 name 'io'\n",
		"1@1795396325.5:memory_region_ops_write cpu 0 mr 0x1 addr 0xf4 value 0x108 size 1 name 'io'\n",
		"1@1795396325.5:memory_region_ops_read cpu 0 mr 0x1 addr 0xf4 value 0x8 size 1 name 'io'\n",
		"memory_region_ops_write cpu 0 mr 0x1 addr 0xf4 value 0x8 size 1 name 'io'\n",
		"1@1795396325.5:exec_tb tb:0x1 pc=0xfffffff0\n",
	};
	struct launch_result r;

	(void)state;
	watch(&qtrace, &r);
	for (size_t i = 0; i < sizeof(ignored) / sizeof(ignored[0]); i++)
		assert_false(data(0, ignored[i], 0.9));
	assert_int_equal(r.n_bytes, 0);
	assert_false(data(0,
			  "9@1795396325.010000:memory_region_ops_write cpu 0 mr 0x1 addr 0xf5 "
			  "value 0x1 size 1 name 'isa-debugcon'\n9@1795396325.5:memory_",
			  0.5));
	assert_true(data(0, "region_ops_write cpu 0 mr 0x1 addr 0xf4 value 0x8 size 1 name 'io'\n",
			 0.6));
	assert_int_equal(r.n_bytes, 2);
	assert_int_equal(r.bytes[0].watch, 0);
	assert_float_equal(r.bytes[0].t, 0.010, 1e-6); /* QEMU's stamp, not the read */
	assert_int_equal(r.bytes[1].watch, 1);
	assert_int_equal(r.stop_value, 8);
	assert_float_equal(r.stop_seen_s, 0.6, 1e-12);
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
		s.variants[v].boot.accel = accel;
	firstinsn_decide(&s, disc);
	for (int v = 0; v < variants; v++)
		assert_int_equal(s.variants[v].first_insn, expect);
	/* Whenever first_insn is used, or wanted but impossible, a note says why. */
	assert_int_equal(s.fw_start_note[0] != '\0', expect || !strcmp(accel, "kvm"));
}

static void choice_from_discovery(void **state)
{
	static const int fw[] = { TRACE_FW_START, TRACE_FW_DO_BOOT };
	static const int jump[] = { TRACE_LINUX_START_BOOT, TRACE_LINUX_START_KERNEL,
				    TRACE_USER_PROBE };
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
		cmocka_unit_test(stops),
		cmocka_unit_test(qemu_trace_log),
		cmocka_unit_test(choice_from_discovery),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
