/*
 * Reads one of the pipes QEMU writes during a run: trace bytes from the
 * isa-debugcon devices, or QEMU's -D log of a first-instruction run.
 */
#ifndef TRACE_PIPE_H
#define TRACE_PIPE_H

#include "launch.h"

#include <stdbool.h>
#include <sys/types.h>

/*
 * Takes what pipe w (descriptor fd) holds, t0 the fork's CLOCK_MONOTONIC
 * seconds. Kills QEMU (pid) at the stop value, a firmware error or, with
 * log_stop, the first exec_tb line; otherwise sends the monitor command on
 * mon at that line. *open_ becomes false at EOF.
 */
void trace_pipe_read(const struct launch_opts *o, struct launch_result *r, int w, int fd,
		     double t0, pid_t pid, int mon, bool *open_);

#endif
