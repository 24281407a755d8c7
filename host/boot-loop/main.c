/*
 * boot-loop: the host runner. Parses the options, checks the files, runs
 * the chosen mode's loop and reports; see usage.c and boot-loop.1.
 */
#include "analysis.h"
#include "args.h"
#include "export.h"
#include "mode.h"
#include "perf-report.h"
#include "preflight.h"
#include "qemu-run.h"
#include "record.h"
#include "report.h"
#include "runner.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* The modes, by --exit, --phases, --timeline, --no-patch. */
static const struct mode *const modes[] = {
	[MODE_EXIT] = &mode_exit,
	[MODE_PHASES] = &mode_phases,
	[MODE_TIMELINE] = &mode_timeline,
	[MODE_NOPATCH] = &mode_nopatch,
};

static int usage_error(const char *msg)
{
	fprintf(stderr, "boot-loop: %s\nTry 'boot-loop --help' for more.\n", msg);
	return 2;
}

/* Set-up, loop, figures: -1 after session_fail. */
static int measure(struct session *s, struct record *rec, const struct mode *m, struct analysis *an)
{
	if (qemu_run_init())
		return session_fail(s, "cannot set up signal handling: %s", strerror(errno));
	if (m->setup(s, rec) || runner_loop(s, rec, m))
		return -1;
	if (analysis_compute(s, an))
		return session_fail(s, "out of memory computing the statistics");
	return 0;
}

int main(int argc, char **argv)
{
	struct config c;
	struct session s = { .cfg = &c };
	struct record rec = { .fd = -1 };
	struct analysis an = { 0 };
	const struct mode *m;
	char err[512];
	int status = 0;

	if (argc > 1 && !strcmp(argv[1], "perf-report"))
		return perf_report_main(argc - 1, argv + 1);
	if (args_parse(argc, argv, &c, err, sizeof(err)))
		return usage_error(err);
	if (c.help) {
		fputs(args_usage, stdout);
		return 0;
	}
	m = modes[c.mode];
	s.iterations = c.iterations;
	if (preflight(&s, err, sizeof(err))) {
		session_free(&s);
		return usage_error(err);
	}
	if (s.accel_note[0])
		fprintf(stderr, "boot-loop: warning: %s\n", s.accel_note);
	if (record_open(&rec, c.output, argc, argv)) {
		snprintf(err, sizeof(err), "--output %s: %s", c.output, strerror(errno));
		session_free(&s);
		return usage_error(err);
	}
	if (measure(&s, &rec, m, &an)) {
		/* One line: what failed and why, said where it failed. */
		fprintf(stderr, "boot-loop: %s\n", s.error);
		status = 1;
	} else {
		report_print(stdout, &s, &an);
		fflush(stdout);
		if (export_all(&s, &an))
			status = 1;
		for (int i = 0; i < s.n_arms; i++)
			if (s.arms[i].n_fails)
				status = 1;
		if (rec.failed)
			status = 1;
	}
	if (s.interrupted)
		status = 128 + s.interrupted;
	if (m->cleanup)
		m->cleanup();
	record_close(&rec);
	analysis_free(&an);
	session_free(&s);
	return status;
}
