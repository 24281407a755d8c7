/*
 * boot-loop: the host runner. Parses the options, checks the files, runs
 * QEMU in a loop and reports; see usage.c and boot-loop.1.
 */
#include "analysis.h"
#include "args.h"
#include "export.h"
#include "launch.h"
#include "nopatch.h"
#include "perf-report.h"
#include "preflight.h"
#include "record.h"
#include "report.h"
#include "runner.h"
#include "timeline.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static int usage_error(const char *msg)
{
	fprintf(stderr, "boot-loop: %s\nTry 'boot-loop --help' for more.\n", msg);
	return 2;
}

static int measure(struct session *s, struct record *rec)
{
	if (s->cfg->mode == MODE_PHASES)
		return runner_setup_phases(s, rec) ? -1 : runner_loop(s, rec);
	if (s->cfg->mode == MODE_TIMELINE)
		return timeline_setup(s, rec) ? -1 : runner_loop(s, rec);
	if (s->cfg->mode == MODE_NOPATCH)
		return nopatch_setup(s) ? -1 : runner_loop(s, rec);
	for (int v = 0; v < s->n_variants; v++)
		if (session_add_arm(s, v, &s->cfg->exit, NULL))
			return -1;
	return runner_loop(s, rec);
}

int main(int argc, char **argv)
{
	struct config c;
	struct session s = { .cfg = &c };
	struct record rec = { .fd = -1 };
	struct analysis an = { 0 };
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
	if (launch_init() || measure(&s, &rec) || analysis_compute(&s, &an)) {
		perror("boot-loop");
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
	nopatch_cleanup();
	record_close(&rec);
	analysis_free(&an);
	session_free(&s);
	return status;
}
