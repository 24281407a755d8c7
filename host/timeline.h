/*
 * --timeline: every point from one run. QEMU gets isa-debugcon pipes on
 * 0xf4 and 0xf5 and is killed when the probe arrives; each point's time is
 * when boot-loop read its byte (since fork), so no teardown is included and
 * phases are differences within each run.
 */
#ifndef TIMELINE_H
#define TIMELINE_H

#include "record.h"
#include "session.h"

/* One run to the probe per variant shows the points; an arm for each. */
int timeline_setup(struct session *s, struct record *rec);

/* One run of variant v; every arm of v gets its point's time or a failure. */
int timeline_iteration(struct session *s, struct record *rec, int v, long it);

#endif
