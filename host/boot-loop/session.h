/*
 * What a boot-loop invocation measures and what it got: arms (a variant's
 * QEMU command stopping at one point), one slot per iteration each.
 */
#ifndef SESSION_H
#define SESSION_H

#include "args.h"
#include "outcome.h"
#include "command.h"
#include "progress.h"

#include <stdbool.h>

struct failure {
	long iteration;
	char *reason;
};

struct arm {
	int variant;
	struct exit_point point;
	const char *name; /* "fw_start", "jump", "probe", ... or NULL in exit mode */
	char **argv;
	char *command;      /* argv joined, for reports */
	double *t;          /* seconds per iteration; NaN: failed or not run */
	int *code;          /* QEMU's exit code per iteration */
	int *value;         /* trace value reached per iteration, 0 on failure */
	double *user, *sys; /* QEMU's CPU time per iteration */
	long n_iter;        /* length of the arrays above */
	struct failure *fails;
	size_t n_fails, cap_fails;
};

struct session {
	const struct config *cfg;
	struct variant variants[2];
	int n_variants;
	struct arm *arms;
	int n_arms;
	long iterations; /* planned */
	long done;       /* measured iterations finished */
	int interrupted; /* signal that stopped the loop, else 0 */
	double elapsed_s;
	char accel_note[160];    /* why the accelerator differs from --accel */
	char fw_start_note[200]; /* why the firmware's start is first_insn (firstinsn.h) */
	char *owned[16];         /* strings the variants point into */
	int n_owned;
	struct progress *progress; /* the loop's, counting runs; NULL outside it */
	long runs;                 /* runs so far in the loop */
	char error[320];           /* what failed, said once by main (session_fail) */
};

/* Notes why the measurement cannot go on (the first reason wins); returns -1. */
int session_fail(struct session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Keeps a malloc'd string until session_free; returns it (NULL stays NULL). */
char *session_own(struct session *s, char *str);

/* Adds an arm for variant v stopping at p; its argv built from the config. */
int session_add_arm(struct session *s, int v, const struct exit_point *p, const char *name);

/* Stores a measured iteration's outcome (a sample or a failure). */
int session_record(struct arm *a, long iteration, const struct outcome *o,
		   const struct launch_result *r);

/* Samples so far in arm a. */
long arm_samples(const struct arm *a);

/* "linux_start_boot" etc.: the name of the values an exit-mode arm reached. */
const char *arm_point_name(const struct arm *a, char *buf, size_t len);

void session_free(struct session *s);

#endif
