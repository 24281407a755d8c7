/*
 * The measuring loop: warm-up runs, then iterations in which every arm runs
 * once (interleaved, so drift hits all arms alike; under --compare the order
 * of A and B alternates per iteration), each run recorded as it ends.
 */
#ifndef RUNNER_H
#define RUNNER_H

#include "record.h"
#include "session.h"

/*
 * --phases: one run to the probe per variant, to see from the trace bytes
 * whether the firmware writes fw_start (if not, first_insn stands in for
 * it: firstinsn.h) and the kernel linux_start_kernel / linux_start_user,
 * then the arms fw_start or first_insn, jump, [start_kernel], [start_user],
 * probe.
 */
int runner_setup_phases(struct session *s, struct record *rec);

/*
 * The discovery runs of --phases and --timeline: one run of each variant to
 * the probe into r[v], then the choice of fw_start or first_insn.
 */
int runner_discover(struct session *s, struct record *rec, struct launch_result r[2]);

/* Runs argv (built for variant v) once, stopping as point p says. */
int runner_launch(const struct session *s, const struct variant *v, char *const *argv,
		  const struct exit_point *p, struct launch_result *r);

/*
 * One run of variant v to the probe, recorded in --output as kind; fills r
 * and out. Sets s->interrupted on a stop signal. -1 on a system error.
 */
int runner_probe_run(struct session *s, struct record *rec, int v, const char *kind,
		     long it, struct launch_result *r, struct outcome *out);

/*
 * When p's byte (first on its port if p takes any value) was read in run r;
 * for first_insn (port 0) when its exec_tb line was.
 */
bool runner_byte_seen(const struct launch_result *r, const struct exit_point *p, double *t,
		      int *value);

/* 0 when the loop ran (completely or until a signal), -1 on a system error. */
int runner_loop(struct session *s, struct record *rec);

#endif
