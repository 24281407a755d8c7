/*
 * What one run means: a sample at a trace point, or a failure with its
 * reason (QEMU error, signal, firmware error code, timeout, no point).
 */
#ifndef OUTCOME_H
#define OUTCOME_H

#include "launch.h"
#include "point.h"

#include <stdbool.h>

struct outcome {
	bool ok;
	int value;        /* the trace value reached when ok */
	int exit_code;    /* QEMU's exit status, or 128 + signal */
	char reason[160]; /* why it failed; the point's name when ok */
};

void outcome_classify(const struct exit_point *p, const struct launch_result *r, struct outcome *o);

#endif
