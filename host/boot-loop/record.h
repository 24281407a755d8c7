/*
 * --output: one line per finished run, appended with a single write(2) as
 * soon as the run ends, so Ctrl-C, a crash or a full disk loses nothing
 * already written. Lines are tab-separated (see record_open's header).
 */
#ifndef RECORD_H
#define RECORD_H

#include "launch.h"
#include "outcome.h"

#include <stdbool.h>

struct record {
	int fd; /* -1: no --output */
	const char *path;
	bool failed; /* a write failed (reported once) */
};

/* Opens path for appending and writes the header; -1 with errno on failure. */
int record_open(struct record *r, const char *path, int argc, char **argv);

/* kind: "warmup", "discovery" or "run"; point: the arm's name or port. */
void record_run(struct record *r, long iteration, const char *kind, const char *variant,
		const char *point, const struct outcome *o, const struct launch_result *lr);

void record_close(struct record *r);

#endif
