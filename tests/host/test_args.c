/* The option parser: what it accepts, and one clear message for bad input. */
#include "args.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#define ARGC(a) ((int)(sizeof(a) / sizeof((a)[0])))

static char err[512];

static int parse(int argc, const char **argv, struct config *c)
{
	err[0] = '\0';
	return args_parse(argc, (char **)argv, c, err, sizeof(err));
}

/* Bad input is rejected with exactly this message (main adds exit code 2). */
static void rejects(int argc, const char **argv, const char *message)
{
	struct config c;

	assert_int_equal(parse(argc, argv, &c), -1);
	assert_string_equal(err, message);
}

static void exit_mode_and_defaults(void **state)
{
	const char *argv[] = { "boot-loop", "--exit=0xf5", "--iterations", "1000" };
	struct config c;

	(void)state;
	assert_int_equal(parse(ARGC(argv), argv, &c), 0);
	assert_int_equal(c.mode, MODE_EXIT);
	assert_int_equal(c.exit.port, 0xf5);
	assert_int_equal(c.exit.value, POINT_FIRST_WRITE);
	assert_int_equal(c.exit.stop, STOP_EXIT_DEVICE);
	assert_int_equal(c.iterations, 1000);
	assert_int_equal(c.warmup, 1);
	assert_float_equal(c.timeout_s, 60, 0);
	assert_string_equal(c.machine, "pc");
	assert_string_equal(c.accel, "tcg");
	assert_null(c.initrd);
	assert_null(c.append);
	assert_int_equal(c.n_bios + c.n_kernel + c.n_qemu, 0);
	assert_false(c.compare);
}

static void every_option(void **state)
{
	const char *argv[] = { "boot-loop",
			       "--exit=0xf4:8",
			       "--warmup=0",
			       "--timeout=2.5",
			       "--bios",
			       "fw.bin",
			       "--kernel=vmlinux",
			       "--initrd=",
			       "--append=quiet",
			       "--machine=microvm",
			       "--accel=kvm",
			       "--qemu=/opt/q",
			       "--show-output",
			       "--export-json=r.json",
			       "--export-csv=r.csv",
			       "--export-markdown=r.md",
			       "--plot=r.svg",
			       "--output=runs.tsv",
			       "--",
			       "-smp",
			       "2" };
	struct config c;

	(void)state;
	assert_int_equal(parse(ARGC(argv), argv, &c), 0);
	assert_int_equal(c.exit.port, 0xf4);
	assert_int_equal(c.exit.value, 8);
	assert_int_equal(c.exit.stop, STOP_KILL);
	assert_int_equal(c.warmup, 0);
	assert_float_equal(c.timeout_s, 2.5, 0);
	assert_string_equal(c.bios[0], "fw.bin");
	assert_string_equal(c.kernel[0], "vmlinux");
	assert_string_equal(c.initrd, "");
	assert_string_equal(c.append, "quiet");
	assert_string_equal(c.machine, "microvm");
	assert_string_equal(c.accel, "kvm");
	assert_string_equal(c.qemu[0], "/opt/q");
	assert_true(c.show_output);
	assert_string_equal(c.export_json, "r.json");
	assert_string_equal(c.export_csv, "r.csv");
	assert_string_equal(c.export_markdown, "r.md");
	assert_string_equal(c.plot, "r.svg");
	assert_string_equal(c.output, "runs.tsv");
	assert_int_equal(c.n_extra, 2);
	assert_string_equal(c.extra[0], "-smp");
	assert_string_equal(c.extra[1], "2");
}

static void compare_modes(void **state)
{
	const char *two_bios[] = { "boot-loop", "--compare", "--bios=a", "--bios=b" };
	const char *phases[] = { "boot-loop", "--phases", "--compare", "--kernel=a", "--kernel=b" };
	struct config c;

	(void)state;
	assert_int_equal(parse(ARGC(two_bios), two_bios, &c), 0);
	assert_int_equal(c.vary, VARY_BIOS);
	/* Without a stop point, A/B runs stop at the jump to the kernel. */
	assert_int_equal(c.mode, MODE_EXIT);
	assert_int_equal(c.exit.port, 0xf4);
	assert_int_equal(parse(ARGC(phases), phases, &c), 0);
	assert_int_equal(c.vary, VARY_KERNEL);
	assert_int_equal(c.mode, MODE_PHASES);
}

static void help_wins(void **state)
{
	const char *argv[] = { "boot-loop", "--bios=a", "--bios=b", "-h" };
	struct config c;

	(void)state;
	assert_int_equal(parse(ARGC(argv), argv, &c), 0);
	assert_true(c.help);
}

static void bad_numbers(void **state)
{
	const char *zero[] = { "boot-loop", "--exit=0xf5", "--iterations=0" };
	const char *word[] = { "boot-loop", "--exit=0xf5", "--iterations=ten" };
	const char *neg[] = { "boot-loop", "--exit=0xf5", "--warmup=-1" };
	const char *tmo[] = { "boot-loop", "--exit=0xf5", "--timeout=0" };
	const char *tmo2[] = { "boot-loop", "--exit=0xf5", "--timeout=5s" };

	(void)state;
	rejects(ARGC(zero), zero, "--iterations: '0' is not a whole number of at least 1");
	rejects(ARGC(word), word, "--iterations: 'ten' is not a whole number of at least 1");
	rejects(ARGC(neg), neg, "--warmup: '-1' is not a whole number of at least 0");
	rejects(ARGC(tmo), tmo, "--timeout: '0' is not a number of seconds in (0, 86400]");
	rejects(ARGC(tmo2), tmo2, "--timeout: '5s' is not a number of seconds in (0, 86400]");
}

static void bad_points(void **state)
{
	const char *big[] = { "boot-loop", "--exit=0x10000" };
	const char *zero[] = { "boot-loop", "--exit=0xf4:0" };
	const char *v256[] = { "boot-loop", "--exit=0xf4:256" };
	const char *junk[] = { "boot-loop", "--exit=f4" };
	const char *empty[] = { "boot-loop", "--exit=" };
	const char *both[] = { "boot-loop", "--exit=0xf5", "--phases" };

	(void)state;
	rejects(ARGC(big), big,
		"--exit: '0x10000' is not PORT or PORT:VALUE (port 1..0xffff, value 1..255)");
	rejects(ARGC(zero), zero,
		"--exit: '0xf4:0' is not PORT or PORT:VALUE (port 1..0xffff, value 1..255)");
	rejects(ARGC(v256), v256,
		"--exit: '0xf4:256' is not PORT or PORT:VALUE (port 1..0xffff, value 1..255)");
	rejects(ARGC(junk), junk,
		"--exit: 'f4' is not PORT or PORT:VALUE (port 1..0xffff, value 1..255)");
	rejects(ARGC(empty), empty,
		"--exit: '' is not PORT or PORT:VALUE (port 1..0xffff, value 1..255)");
	rejects(ARGC(both), both, "--exit, --phases, --timeline and --no-patch exclude each other");
}

static void bad_shapes(void **state)
{
	const char *unknown[] = { "boot-loop", "--exit=0xf5", "--iteration=3" };
	const char *novalue[] = { "boot-loop", "--exit=0xf5", "--bios" };
	const char *flagval[] = { "boot-loop", "--phases=yes" };
	const char *positional[] = { "boot-loop", "--exit=0xf5", "-smp" };
	const char *nothing[] = { "boot-loop" };
	const char *machine[] = { "boot-loop", "--phases", "--machine=virt" };
	const char *accel[] = { "boot-loop", "--phases", "--accel=hvf" };
	const char *nofile[] = { "boot-loop", "--phases", "--export-json=" };

	(void)state;
	rejects(ARGC(unknown), unknown, "unknown option '--iteration'");
	rejects(ARGC(novalue), novalue, "--bios needs a value");
	rejects(ARGC(flagval), flagval, "--phases takes no value");
	rejects(ARGC(positional), positional,
		"unexpected argument '-smp' (QEMU arguments go after '--')");
	rejects(ARGC(nothing), nothing,
		"nothing to measure: give --exit=PORT[:VALUE], --phases, --timeline or --compare");
	rejects(ARGC(machine), machine, "--machine: 'virt' is not one of pc, q35, microvm");
	rejects(ARGC(accel), accel, "--accel: 'hvf' is not one of tcg, kvm");
	rejects(ARGC(nofile), nofile, "--export-json needs a file name");
}

static void bad_compare(void **state)
{
	const char *twice[] = { "boot-loop", "--phases", "--bios=a", "--bios=b" };
	const char *one[] = { "boot-loop", "--compare", "--bios=a" };
	const char *mixed[] = { "boot-loop", "--compare",  "--bios=a",
				"--bios=b",  "--kernel=k", "--kernel=l" };
	const char *three[] = { "boot-loop", "--compare", "--qemu=a", "--qemu=b", "--qemu=c" };

	(void)state;
	rejects(ARGC(twice), twice, "--bios given twice: add --compare to compare two of them");
	rejects(ARGC(one), one, "--compare needs two --bios, two --kernel or two --qemu");
	rejects(ARGC(mixed), mixed,
		"--compare varies one thing: give two of only one of --bios, --kernel, --qemu");
	rejects(ARGC(three), three, "--qemu given more than twice; --compare takes two");
}

static void fw_start_and_no_kernel(void **state)
{
	const char *exec_tb[] = { "boot-loop", "--timeline", "--fw-start=exec_tb", "--kernel=" };
	const char *bad[] = { "boot-loop", "--phases", "--fw-start=reset" };
	const char *exit_mode[] = { "boot-loop", "--exit=0xf5", "--fw-start=port" };
	const char *kvm[] = { "boot-loop", "--phases", "--fw-start=exec_tb", "--accel=kvm" };
	const char *nopatch[] = { "boot-loop", "--no-patch", "--kernel=" };
	const char *initrd[] = { "boot-loop", "--phases", "--kernel=", "--initrd=i.gz" };
	const char *append[] = { "boot-loop", "--phases", "--kernel=", "--append=quiet" };
	struct config c;

	(void)state;
	assert_int_equal(parse(ARGC(exec_tb), exec_tb, &c), 0);
	assert_int_equal(c.fw_start, FWSTART_EXEC_TB);
	/* "--kernel=": no kernel at all, not a missing file name. */
	assert_int_equal(c.n_kernel, 1);
	assert_string_equal(c.kernel[0], "");
	assert_int_equal(parse(2, exec_tb, &c), 0);
	assert_int_equal(c.fw_start, FWSTART_AUTO);
	rejects(ARGC(bad), bad, "--fw-start: 'reset' is not one of auto, port, exec_tb");
	rejects(ARGC(exit_mode), exit_mode, "--fw-start applies to --phases and --timeline only");
	rejects(ARGC(kvm), kvm,
		"--fw-start=exec_tb reads TCG's exec_tb trace: it cannot run with --accel kvm");
	rejects(ARGC(nopatch), nopatch, "--no-patch needs a kernel: its entry ends tFW");
	rejects(ARGC(initrd), initrd, "--initrd needs a kernel (--kernel= is none)");
	rejects(ARGC(append), append, "--append needs a kernel (--kernel= is none)");
}

static void point_round_trip(void **state)
{
	struct exit_point p;
	char buf[32];

	(void)state;
	assert_int_equal(point_parse("245", &p), 0);
	point_format(&p, buf, sizeof(buf));
	assert_string_equal(buf, "0xf5");
	assert_int_equal(point_parse("0xf4:0x8", &p), 0);
	point_format(&p, buf, sizeof(buf));
	assert_string_equal(buf, "0xf4:8");
	assert_int_equal(point_parse("0xf4:", &p), -1);
	assert_int_equal(point_parse("-1", &p), -1);
	assert_int_equal(point_parse("0xf4:8:1", &p), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(exit_mode_and_defaults),
		cmocka_unit_test(every_option),
		cmocka_unit_test(compare_modes),
		cmocka_unit_test(help_wins),
		cmocka_unit_test(bad_numbers),
		cmocka_unit_test(bad_points),
		cmocka_unit_test(bad_shapes),
		cmocka_unit_test(bad_compare),
		cmocka_unit_test(point_round_trip),
		cmocka_unit_test(fw_start_and_no_kernel),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
