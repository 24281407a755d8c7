/*
 * boot-loop's modes, one table each: what a mode sets up before the loop
 * (its arms: a variant stopping at a point), what one iteration of one
 * variant does, and what it removes afterwards. The loop (runner.h) and the
 * reports (report.h, export.h) are the same for all.
 */
#ifndef MODE_H
#define MODE_H

#include "record.h"
#include "session.h"

#include <stdbool.h>

struct mode {
	const char *name;
	/* Adds the arms; -1 after session_fail. */
	int (*setup)(struct session *s, struct record *rec);
	/* One run of each arm of variant v, or one run for all of them; it < 0: warm-up. */
	int (*iteration)(struct session *s, struct record *rec, int v, long it);
	/* Frees what setup made beyond the session; may be NULL. */
	void (*cleanup)(void);
	/* One QEMU run per variant and iteration, not one per arm (for the progress line). */
	bool run_per_variant;
};

extern const struct mode mode_exit;     /* --exit=PORT[:VALUE] */
extern const struct mode mode_phases;   /* --phases */
extern const struct mode mode_timeline; /* --timeline */
extern const struct mode mode_nopatch;  /* --no-patch */

#endif
