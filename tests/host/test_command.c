/* QEMU command lines: the stop devices, the pipes, the machine defaults. */
#include "command.h"

#include "boot-trace.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

static const struct variant var = { "",
				    { "qemu-system-x86_64", "bios.bin", "vmlinuz", "initrd.gz",
				      "console=ttyS0 quiet", "pc", "tcg" },
				    false };

static char *joined(const struct config *c, const struct variant *v, const struct exit_point *p)
{
	char **argv = command_build(c, v, p);
	char *s;

	assert_non_null(argv);
	s = qemu_cmd_join(argv);
	qemu_cmd_free(argv);
	assert_non_null(s);
	return s;
}

static void exit_device(void **state)
{
	struct config c = { .machine = "q35" };
	struct variant q35 = var;
	struct exit_point p = { 0xf5, POINT_FIRST_WRITE, STOP_EXIT_DEVICE };
	char *s;

	(void)state;
	q35.boot.machine = "q35";
	s = joined(&c, &q35, &p);
	assert_string_equal(s, "qemu-system-x86_64 -accel tcg -machine q35 -nodefaults "
			       "-no-user-config -display none -m 512M -bios bios.bin -kernel "
			       "vmlinuz -initrd initrd.gz -append 'console=ttyS0 quiet' -device "
			       "isa-debug-exit,iobase=0xf5,iosize=1");
	free(s);
}

static void kill_pipes_and_extra_args(void **state)
{
	char *extra[] = { "-smp", "2" };
	struct config c = { .machine = "pc", .extra = extra, .n_extra = 2 };
	struct exit_point p = { 0xf4, TRACE_USER_PROBE, STOP_KILL }, q = { 0x80, 3, STOP_KILL };
	unsigned ports[3];
	char *s = joined(&c, &var, &p);

	(void)state;
	assert_non_null(strstr(s, " -chardev file,id=bootloop_trace0,path=/dev/fd/3 -device "
				  "isa-debugcon,iobase=0xf5,chardev=bootloop_trace0 -chardev "
				  "file,id=bootloop_trace1,path=/dev/fd/4 -device "
				  "isa-debugcon,iobase=0xf4,chardev=bootloop_trace1 -smp 2"));
	assert_null(strstr(s, "isa-debug-exit"));
	free(s);
	assert_int_equal(command_watch_ports(&p, ports), 2);
	assert_int_equal(command_stop_watch(&p), 1);
	assert_int_equal(ports[command_stop_watch(&p)], 0xf4);
	/* A point on another port gets a third pipe. */
	assert_int_equal(command_watch_ports(&q, ports), 3);
	assert_int_equal(ports[command_stop_watch(&q)], 0x80);
}

static void no_initrd(void **state)
{
	struct variant v = var;
	struct config c = { .machine = "pc" };
	struct exit_point p = { 0xf4, POINT_FIRST_WRITE, STOP_EXIT_DEVICE };
	char **argv, *s;

	(void)state;
	v.boot.initrd = NULL;
	argv = command_build(&c, &v, &p);
	s = qemu_cmd_join(argv);
	assert_null(strstr(s, "-initrd"));
	free(s);
	qemu_cmd_free(argv);
}

static void first_insn_log_and_monitor(void **state)
{
	struct variant v = var;
	struct config c = { .machine = "pc" };
	struct exit_point probe = { 0xf4, TRACE_USER_PROBE, STOP_KILL };
	struct exit_point fi = { 0, TRACE_FW_START, STOP_KILL };
	struct exit_point ex = { 0xf4, POINT_FIRST_WRITE, STOP_EXIT_DEVICE };
	unsigned ports[3];
	char **argv, *s;

	(void)state;
	v.first_insn = true;
	/* After the two trace pipes (fds 3, 4): the log on fd 5, the monitor on fd 6. */
	argv = command_build(&c, &v, &probe);
	s = qemu_cmd_join(argv);
	assert_non_null(
		strstr(s, "isa-debugcon,iobase=0xf4,chardev=bootloop_trace1 -trace exec_tb "
			  "-msg timestamp=on -D /dev/fd/5 -chardev "
			  "socket,id=bootloop_mon,fd=6 -mon chardev=bootloop_mon,mode=readline"));
	free(s);
	qemu_cmd_free(argv);
	/* first_insn itself (port 0) has no trace port of its own: same command line. */
	assert_int_equal(command_watch_ports(&fi, ports), 2);
	assert_int_equal(command_stop_watch(&fi), -1);
	argv = command_build(&c, &v, &fi);
	s = qemu_cmd_join(argv);
	assert_non_null(strstr(s, "-D /dev/fd/5 "));
	assert_null(strstr(s, "iobase=0x0"));
	free(s);
	qemu_cmd_free(argv);
	/* Exit mode never gets it: QEMU exits by itself there. */
	argv = command_build(&c, &v, &ex);
	s = qemu_cmd_join(argv);
	assert_null(strstr(s, "exec_tb"));
	free(s);
	qemu_cmd_free(argv);
}

static void no_kernel(void **state)
{
	struct variant v = var;
	struct config c = { .machine = "pc" };
	struct exit_point p = { 0xf4, POINT_FIRST_WRITE, STOP_EXIT_DEVICE };
	char **argv, *s;

	(void)state;
	v.boot.kernel = v.boot.initrd = NULL;
	argv = command_build(&c, &v, &p);
	s = qemu_cmd_join(argv);
	/* QEMU refuses -initrd and -append without -kernel. */
	assert_string_equal(s, "qemu-system-x86_64 -accel tcg -machine pc -nodefaults "
			       "-no-user-config -display none -m 512M -bios bios.bin -device "
			       "isa-debug-exit,iobase=0xf4,iosize=1");
	free(s);
	qemu_cmd_free(argv);
}

static void append_per_machine(void **state)
{
	char *a;

	(void)state;
	a = qemu_cmd_append("pc", NULL);
	assert_string_equal(a, "console=ttyS0 quiet");
	free(a);
	/* microvm under TCG needs the TSC frequency (DESIGN.md section 6). */
	a = qemu_cmd_append("microvm", NULL);
	assert_string_equal(a, "console=ttyS0 quiet tsc_early_khz=2000000");
	free(a);
	a = qemu_cmd_append("microvm", "quiet tsc_early_khz=1000000");
	assert_string_equal(a, "quiet tsc_early_khz=1000000");
	free(a);
	a = qemu_cmd_append("microvm", "");
	assert_string_equal(a, "tsc_early_khz=2000000");
	free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(exit_device),
		cmocka_unit_test(kill_pipes_and_extra_args),
		cmocka_unit_test(no_initrd),
		cmocka_unit_test(append_per_machine),
		cmocka_unit_test(first_insn_log_and_monitor),
		cmocka_unit_test(no_kernel),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
