/* QEMU's log: lines however the pipe splits them, and the events in them. */
#include "qemu-log.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

static struct qemu_log_event parsed(const char *line)
{
	struct qemu_log_event e;

	assert_int_equal(qemu_log_parse(line, &e), 0);
	return e;
}

/* As QEMU 7.2 writes them: no device on 0xf4 ('io'), a debugcon on 0xf5. */
static void memory_region_ops(void **state)
{
	struct qemu_log_event e;

	(void)state;
	e = parsed("27459@1795400348.859655:memory_region_ops_write cpu 0 mr 0x56482e3942e0 addr "
		   "0xf4 value 0x4 size 1 name 'io'");
	assert_int_equal(e.kind, QLOG_MR_WRITE);
	assert_true(e.stamped);
	assert_float_equal(e.realtime, 1795400348.859655, 1e-6);
	assert_int_equal(e.cpu, 0);
	assert_true(e.addr == 0xf4 && e.value == 4 && e.size == 1);
	assert_int_equal(e.region_len, 2);
	assert_memory_equal(e.region, "io", 2);
	/* No stamp; QEMU's own access at reset (cpu -1); a name with a quote in it. */
	e = parsed("memory_region_ops_read cpu -1 mr 0x1 addr 0xfee00030 value 0x50014 size 4 "
		   "name 'it's apic'");
	assert_int_equal(e.kind, QLOG_MR_READ);
	assert_false(e.stamped);
	assert_int_equal(e.cpu, -1);
	assert_true(e.addr == 0xfee00030 && e.value == 0x50014 && e.size == 4);
	assert_int_equal(e.region_len, 9);
	/* The size is decimal. */
	e = parsed("memory_region_ops_write cpu 0 mr 0x1 addr 0x1000 value 0x0 size 16 name 'x'");
	assert_int_equal(e.size, 16);
	/* Cut short after the size: the access still counts, its region unknown. */
	e = parsed("1@2.000001:memory_region_ops_write cpu 0 mr 0x1 addr 0xf4 value 0x8 size 1");
	assert_true(e.value == 8);
	assert_memory_equal(e.region, "?", 1);
}

static void exec_tb_and_fw_cfg(void **state)
{
	struct qemu_log_event e;

	(void)state;
	e = parsed("18510@1795396325.901463:exec_tb tb:0x7fcc44029380 pc=0x1000850");
	assert_int_equal(e.kind, QLOG_EXEC_TB);
	assert_float_equal(e.realtime, 1795396325.901463, 1e-6);
	assert_true(e.pc == 0x1000850);
	e = parsed("1@2.5:exec_tb tb:0x1 pc=0xffffffff81000000");
	assert_true(e.pc == 0xffffffff81000000ULL);
	/* A name that begins like a known one is another event. */
	e = parsed("1@2.5:exec_tb_exit tb:0x1 flags=0x0");
	assert_int_equal(e.kind, QLOG_OTHER);
	assert_true(qemu_log_is(&e, "exec_tb_exit"));
	e = parsed("7@3.25:fw_cfg_select 0x55d0c3a0 key 0x0019 'etc/table-loader', ret: 1");
	assert_int_equal(e.kind, QLOG_FW_CFG_SELECT);
	assert_int_equal(e.key, 0x19);
	assert_int_equal(e.key_name_len, strlen("etc/table-loader"));
	assert_memory_equal(e.key_name, "etc/table-loader", e.key_name_len);
	e = parsed("fw_cfg_read 0x55d0c3a0 = 0x51454d55");
	assert_int_equal(e.kind, QLOG_FW_CFG_READ);
	assert_true(e.value == 0x51454d55);
	/* A plugin's own line, and QEMU's messages: other lines, named by their first word. */
	e = parsed("fwbench jump pc=0x100000 insns=5 tfw_ns=7");
	assert_true(qemu_log_is(&e, "fwbench"));
	assert_string_equal(e.args, "jump pc=0x100000 insns=5 tfw_ns=7");
	e = parsed("qemu-system-x86_64: terminating on signal 9 from pid 42");
	assert_int_equal(e.kind, QLOG_OTHER);
	e = parsed("");
	assert_int_equal(e.kind, QLOG_OTHER);
}

static void malformed_events(void **state)
{
	static const char *const bad[] = {
		"1@2.5:memory_region_ops_write cpu 0 mr 0x1 addr 0xf4 size 1 name 'io'",
		"1@2.5:memory_region_ops_write cpu 0 mr 0x1 addr 0x value 0x3 size 1 name 'io'",
		"1@2.5:memory_region_ops_write cpu 0 mr 0x1 addr 0xf4 value 0xzz size 1 name 'io'",
		"1@2.5:memory_region_ops_write cpu 0 mr 0x1 addr 0xf4 value 0x3 si",
		"1@2.5:memory_region_ops_write cpu 0 mr 0x1 addr 0xf4 value -0x3 size 1 name 'io'",
		"1@2.5:memory_region_ops_write cpu x mr 0x1 addr 0xf4 value 0x3 size 1 name 'io'",
		"1@2.5:memory_region_ops_write",
		"1@2.5x:memory_region_ops_write cpu 0 mr 0x1 addr 0xf4 value 0x3 size 1 name 'io'",
		"1@2.5:exec_tb tb:0x1 pc=",
		"1@2.5:exec_tb tb:0x1",
		"fw_cfg_select 0x1 key 0x19 'etc/e820'",
		"fw_cfg_select 0x1 key 0x123456 'x', ret: 1",
		"fw_cfg_read 0x1 =",
		"1@2.5:exec_tb tb:0x1 xpc=0x10",
		"12@0x10:exec_tb tb:0x1 pc=0x10",
		"12@1e3:exec_tb tb:0x1 pc=0x10",
		"12@3.:exec_tb tb:0x1 pc=0x10",
	};
	struct qemu_log_event e;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(qemu_log_parse(bad[i], &e), -1);
	/* A broken stamp prefix is no stamp: the line is another one. */
	assert_int_equal(qemu_log_parse("@2.5:exec_tb tb:0x1 pc=0x1", &e), 0);
	assert_int_equal(e.kind, QLOG_OTHER);
}

struct seen {
	char lines[4][64];
	int n, stop_at;
};

static bool take(void *ctx, const char *line)
{
	struct seen *s = ctx;

	snprintf(s->lines[s->n], sizeof(s->lines[0]), "%s", line);
	return ++s->n == s->stop_at;
}

static void lines_in_pieces(void **state)
{
	struct qemu_log_lines l = { 0 };
	struct seen s = { .stop_at = 3 };
	char junk[QEMU_LOG_LINE_MAX + 10];

	(void)state;
	assert_false(qemu_log_feed(&l, "ab", 2, take, &s));
	assert_false(qemu_log_feed(&l, "c\nde", 4, take, &s));
	assert_int_equal(s.n, 1);
	assert_string_equal(s.lines[0], "abc");
	/* Too long a line is dropped whole, never passed on cut. */
	memset(junk, 'x', sizeof(junk));
	assert_false(qemu_log_feed(&l, junk, sizeof(junk), take, &s));
	assert_false(qemu_log_feed(&l, "\nf\n", 3, take, &s));
	assert_int_equal(l.dropped, 1);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.lines[1], "f");
	/* Stop: what follows in the buffer is left unread. */
	assert_true(qemu_log_feed(&l, "g\nh\n", 4, take, &s));
	assert_int_equal(s.n, 3);
	assert_string_equal(s.lines[2], "g");
}

static void log_file(void **state)
{
	char path[] = "/tmp/test_qemu_log.XXXXXX";
	int fd = mkstemp(path);
	struct seen s = { .stop_at = 0 };

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "one\ntwo\nthree", 13), 13);
	close(fd);
	assert_int_equal(qemu_log_read_file(path, take, &s), 0);
	assert_int_equal(s.n, 3);
	assert_string_equal(s.lines[2], "three");
	unlink(path);
	assert_int_equal(qemu_log_read_file(path, take, &s), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(memory_region_ops), cmocka_unit_test(exec_tb_and_fw_cfg),
		cmocka_unit_test(malformed_events),  cmocka_unit_test(lines_in_pieces),
		cmocka_unit_test(log_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
