/*
 * How boot-loop measures, whatever the mode: the one way to run QEMU once
 * (runner_run: launch, classify, record in --output, count for the progress
 * line), and the loop that calls a mode (mode.h) for every variant of every
 * iteration: warm-up runs first, then the variants interleaved, their order
 * alternating per iteration under --compare, so drift hits them alike.
 */
#ifndef RUNNER_H
#define RUNNER_H

#include "launch.h"
#include "mode.h"
#include "outcome.h"
#include "record.h"
#include "session.h"

/*
 * Runs argv (built for variant v) once, stopping as p says; fills r and out
 * and writes the run to --output as kind ("run", "warmup", "discovery"),
 * point label, iteration line. Sets s->interrupted on a stop signal.
 * -1 (after session_fail) when boot-loop itself failed.
 */
int runner_run(struct session *s, struct record *rec, int v, char *const *argv,
	       const struct exit_point *p, const char *kind, const char *label, long line,
	       struct launch_result *r, struct outcome *out);

/* One run of variant v to the probe (0xf4:8), as runner_run. */
int runner_probe_run(struct session *s, struct record *rec, int v, const char *kind, long line,
		     struct launch_result *r, struct outcome *out);

/*
 * The discovery runs of --phases and --timeline: one run of each variant to
 * the probe into r[v], and with choose_start the choice of fw_start or
 * first_insn from what it wrote (firstinsn.h).
 */
int runner_discover(struct session *s, struct record *rec, struct launch_result r[2],
		    bool choose_start);

/* 0 when the loop ran (completely or until a signal), -1 after session_fail. */
int runner_loop(struct session *s, struct record *rec, const struct mode *m);

#endif
