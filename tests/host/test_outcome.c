/*
 * Decoding how QEMU ended: exit status (value << 1) | 1 names the point;
 * QEMU errors, signals, firmware errors and timeouts are failures.
 */
#include "outcome.h"

#include "boot-trace.h"

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/wait.h>
#include <cmocka.h>

static const struct exit_point fw = { TRACE_PORT_FW, POINT_FIRST_WRITE, STOP_EXIT_DEVICE };
static const struct exit_point probe = { TRACE_PORT_LINUX, TRACE_USER_PROBE, STOP_KILL };

static struct launch_result exited(int code)
{
	return (struct launch_result){ .exit = { .reaped = true,
						 .wait_status = W_EXITCODE(code, 0) },
				       .stop_value = -1,
				       .stop_seen_s = -1 };
}

static struct launch_result signalled(int sig)
{
	return (struct launch_result){ .exit = { .reaped = true,
						 .wait_status = W_EXITCODE(0, sig) },
				       .stop_value = -1,
				       .stop_seen_s = -1 };
}

static void expect(const struct exit_point *p, struct launch_result r, bool ok, int value, int code,
		   const char *reason)
{
	struct outcome o;

	outcome_classify(p, &r, &o);
	assert_int_equal(o.ok, ok);
	if (ok)
		assert_int_equal(o.value, value);
	assert_int_equal(o.exit_code, code);
	assert_string_equal(o.reason, reason);
}

static void exit_statuses_name_points(void **state)
{
	(void)state;
	expect(&fw, exited(3), true, TRACE_FW_START, 3, "fw_start");
	expect(&fw, exited(7), true, TRACE_LINUX_START_BOOT, 7, "linux_start_boot");
	expect(&fw, exited(9), true, TRACE_LINUX_START_PVHBOOT, 9, "linux_start_pvhboot");
	expect(&fw, exited(11), true, TRACE_FW_DO_BOOT, 11, "fw_do_boot");
	expect(&fw, exited(17), true, TRACE_USER_PROBE, 17, "user_probe");
}

static void firmware_errors_fail(void **state)
{
	(void)state;
	expect(&fw, exited(TRACE_EXIT_STATUS(TRACE_ERR_NOT_A_KERNEL)), false, 0, 69,
	       "firmware error 0x22 not_a_kernel: the kernel is neither a bzImage nor a PVH ELF (or "
	       "an ELF without the PVH note) (status 69)");
	expect(&fw, exited(TRACE_EXIT_STATUS(TRACE_ERR_NO_FWCFG)), false, 0, 65,
	       "firmware error 0x20 no_fwcfg: no fw_cfg device (status 65)");
	expect(&fw, exited(TRACE_EXIT_STATUS(TRACE_ERR_E820)), false, 0, 79,
	       "firmware error 0x27 e820: memory map missing, malformed or too long (status 79)");
	/* The last error: the old name table stopped one short of it. */
	expect(&fw, exited(TRACE_EXIT_STATUS(TRACE_ERR_TRUNCATED)), false, 0, 81,
	       "firmware error 0x28 truncated: the bzImage is shorter than its header says "
	       "(truncated file) (status 81)");
	expect(&fw, exited(TRACE_EXIT_STATUS(TRACE_ERR_LAST + 1)), false, 0,
	       TRACE_EXIT_STATUS(TRACE_ERR_LAST + 1), "unknown trace value 41 (status 83)");
}

static void qemu_failures(void **state)
{
	struct launch_result r = signalled(SIGKILL), said = exited(1);

	(void)state;

	expect(&fw, exited(1), false, 0, 1,
	       "QEMU error (status 1); --show-output shows its output");
	/* QEMU's own first line on stderr is the reason. */
	strcpy(said.exit.first_error, "qemu-system-x86_64: could not load PC BIOS 'x'\nmore\n");
	expect(&fw, said, false, 0, 1,
	       "QEMU error (status 1): qemu-system-x86_64: could not load PC BIOS 'x'");
	expect(&fw, exited(0), false, 0, 0,
	       "QEMU exited with status 0 (guest shut down) before a write to 0xf5");
	expect(&fw, exited(4), false, 0, 4, "QEMU exited with status 4, not a trace status");
	expect(&fw, exited(TRACE_EXIT_STATUS(0x30)), false, 0, 97,
	       "unknown trace value 48 (status 97)");
	expect(&fw, signalled(SIGSEGV), false, 0, 128 + SIGSEGV,
	       "QEMU killed by signal 11 (Segmentation fault)");
	r.exit.timed_out = true;
	expect(&fw, r, false, 0, 137, "timeout: the stop point did not come in time, QEMU killed");
	r.exit.timed_out = false;
	r.exit.interrupted = SIGINT;
	expect(&fw, r, false, 0, 137, "interrupted by SIGINT");
	expect(&fw, (struct launch_result){ .exit.spawn_errno = 2, .stop_value = -1 }, false, 0, -1,
	       "cannot start QEMU: No such file or directory");
}

static void killed_at_a_value(void **state)
{
	struct launch_result r = signalled(SIGKILL), e = signalled(SIGKILL);
	const struct exit_point any = { TRACE_PORT_LINUX, POINT_FIRST_WRITE, STOP_KILL };

	(void)state;
	r.stop_value = TRACE_USER_PROBE;
	r.stop_seen_s = 4.5;
	expect(&probe, r, true, TRACE_USER_PROBE, 137, "user_probe");
	/* Killed at the first 0xf4 write: the value read names the point. */
	r.stop_value = TRACE_LINUX_START_PVHBOOT;
	expect(&any, r, true, TRACE_LINUX_START_PVHBOOT, 137, "linux_start_pvhboot");
	e.error_value = TRACE_ERR_NO_KERNEL;
	expect(&probe, e, false, 0, 137, "firmware error 0x21 no_kernel: no -kernel given");
	/* The guest powered off without ever writing the probe value. */
	expect(&probe, exited(0), false, 0, 0, "QEMU exited with status 0 before 0xf4:8");
	expect(&probe, exited(1), false, 0, 1,
	       "QEMU error (status 1) before 0xf4:8; --show-output shows its output");
	/* Read so late that the guest had powered off: no honest sample. */
	e = exited(0);
	e.stop_value = TRACE_USER_PROBE;
	expect(&probe, e, false, 0, 0,
	       "QEMU exited by itself (status 0) before boot-loop could stop it at 0xf4:8 "
	       "(boot-loop read the point late: machine overloaded?)");
	/* A timeout after the value arrived is no timeout: the value stopped it. */
	r.stop_value = TRACE_USER_PROBE;
	r.exit.timed_out = true;
	expect(&probe, r, true, TRACE_USER_PROBE, 137, "user_probe");
}

/* first_insn (port 0): a sample when QEMU was killed at its first exec_tb line. */
static void first_insn_runs(void **state)
{
	static const struct exit_point fi = { 0, TRACE_FW_START, STOP_KILL };
	struct launch_result r = signalled(SIGKILL), late = exited(0);

	(void)state;
	r.log_stopped = true;
	r.first_insn_s = r.stop_seen_s = 0.03;
	r.first_insn_stamp_s = 0.0295;
	expect(&fi, r, true, TRACE_FW_START, 137,
	       "first_insn (exec_tb; QEMU's own stamp 29.50 ms)");
	late.log_stopped = true;
	expect(&fi, late, false, 0, 0,
	       "QEMU exited by itself (status 0) before boot-loop could stop it at its first "
	       "exec_tb line");
	expect(&fi, exited(1), false, 0, 1,
	       "QEMU error (status 1) before its first exec_tb line; --show-output shows its "
	       "output");
	expect(&fi, exited(0), false, 0, 0,
	       "QEMU exited with status 0 before its first exec_tb line (no -D log?)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(first_insn_runs),      cmocka_unit_test(exit_statuses_name_points),
		cmocka_unit_test(firmware_errors_fail), cmocka_unit_test(qemu_failures),
		cmocka_unit_test(killed_at_a_value),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
