/*
 * What boot-profile writes: the top functions by guest instructions (text),
 * the first-call timeline with the trace points inline (text), and
 * profile.json (see boot-profile.1).
 */
#ifndef OUTPUT_H
#define OUTPUT_H

#include "boot.h"
#include "profile.h"

#include <stdio.h>

/* A trace point placed on the plugin's clock: ns since the first block. */
struct placed_point {
	const char *name;
	unsigned port;
	int value;
	int64_t t_ns;
};

/* The points of run r on p's clock; returns how many (at most BOOT_MAX_POINTS). */
int output_points(const struct profile *p, const struct boot_result *r,
		  struct placed_point pts[BOOT_MAX_POINTS]);

void output_top(FILE *f, const struct profile *p, size_t top);
void output_timeline(FILE *f, const struct profile *p, const size_t *order,
		     const struct placed_point *pts, int n_pts);
void output_json(FILE *f, const struct profile *p, const size_t *order,
		 const struct placed_point *pts, int n_pts, const char *command);

#endif
