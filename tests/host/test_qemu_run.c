/*
 * The supervisor on real processes (sh stands in for QEMU): QEMU's error
 * line, a deadline that holds against a writer that never stops, a stop at
 * a byte, a gentle stop that lets the program write its last words, a
 * program that cannot start.
 */
#include "qemu-run.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/wait.h>
#include <cmocka.h>

struct seen {
	char text[256];
	size_t len;
	bool stop_at_first;
};

static enum qemu_run_next take(void *ctx, const struct qemu_run_io *io, int chan,
			       const unsigned char *buf, size_t n, double t)
{
	struct seen *s = ctx;

	(void)io, (void)chan, (void)t;
	for (size_t i = 0; i < n && s->len + 1 < sizeof(s->text); i++)
		s->text[s->len++] = (char)buf[i];
	s->text[s->len] = '\0';
	return s->stop_at_first ? QEMU_RUN_STOP : QEMU_RUN_GO_ON;
}

static int run_sh(const char *script, double timeout, bool gently, struct seen *s,
		  struct qemu_exit *e)
{
	char *argv[] = { "sh", "-c", (char *)script, NULL };
	struct qemu_run_opts o = { .argv = argv,
				   .n_chan = 1,
				   .on_data = take,
				   .ctx = s,
				   .timeout_s = timeout,
				   .stop_gently = gently };

	return qemu_run(&o, e);
}

static void error_line(void **state)
{
	struct seen s = { 0 };
	struct qemu_exit e;

	(void)state;
	assert_int_equal(run_sh("echo 'prog: warning: host lacks x' >&2; printf 'prog: could\\tnot "
				"load\\r\\n' >&2; echo later >&2; exit 1",
				10, false, &s, &e),
			 0);
	assert_true(e.reaped && WIFEXITED(e.wait_status) && WEXITSTATUS(e.wait_status) == 1);
	/* Not the warning; tabs and CRs made blanks. */
	assert_string_equal(e.first_error, "prog: could not load ");
	assert_non_null(strstr(e.tail, "later"));
	assert_int_equal(qemu_exit_code(&e), 1);
}

static void deadline_against_a_flood(void **state)
{
	struct seen s = { 0 };
	struct qemu_exit e;

	(void)state;
	assert_int_equal(run_sh("while :; do echo flood >&3; done", 0.5, false, &s, &e), 0);
	assert_true(e.timed_out);
	assert_true(e.seconds < 5);
	assert_true(e.reaped && WIFSIGNALED(e.wait_status));
}

static void stop_at_a_byte(void **state)
{
	struct seen s = { .stop_at_first = true };
	struct qemu_exit e;

	(void)state;
	assert_int_equal(run_sh("echo go >&3; sleep 30", 20, false, &s, &e), 0);
	assert_true(e.stopped && !e.timed_out);
	assert_true(e.seconds < 10);
	assert_true(WIFSIGNALED(e.wait_status) && WTERMSIG(e.wait_status) == SIGKILL);
}

static void gentle_stop(void **state)
{
	struct seen s = { .stop_at_first = true };
	struct qemu_exit e;

	(void)state;
	assert_int_equal(run_sh("trap 'echo bye >&3; exit 0' TERM; echo go >&3; "
				"while :; do sleep 0.05; done",
				20, true, &s, &e),
			 0);
	assert_true(e.stopped);
	/* It got SIGTERM, said its last words, and ended by itself. */
	assert_non_null(strstr(s.text, "bye"));
	assert_true(WIFEXITED(e.wait_status) && WEXITSTATUS(e.wait_status) == 0);
}

static void cannot_start(void **state)
{
	char *argv[] = { "/nonexistent/qemu", NULL };
	struct qemu_run_opts o = { .argv = argv, .timeout_s = 5 };
	struct qemu_exit e;
	char why[256];

	(void)state;
	assert_int_equal(qemu_run(&o, &e), 0);
	assert_int_equal(e.spawn_errno, ENOENT);
	qemu_exit_describe(&e, 5, why, sizeof(why));
	assert_string_equal(why, "cannot start QEMU: No such file or directory");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(error_line),     cmocka_unit_test(deadline_against_a_flood),
		cmocka_unit_test(stop_at_a_byte), cmocka_unit_test(gentle_stop),
		cmocka_unit_test(cannot_start),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
