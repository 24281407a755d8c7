/* A one-line progress display on stderr, only when stderr is a terminal. */
#ifndef PROGRESS_H
#define PROGRESS_H

#include <stdbool.h>

struct progress {
	bool on;
	long total;         /* runs planned */
	double start, last; /* CLOCK_MONOTONIC seconds */
};

void progress_start(struct progress *p, long total_runs);
void progress_update(struct progress *p, long runs_done, long failures);
void progress_end(struct progress *p);

#endif
