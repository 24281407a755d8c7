/*
 * The QEMU command line of one boot-loop run: a variant's boot (qemu-cmd.h)
 * plus how the run stops at its point: an isa-debug-exit device, or channels
 * that boot-loop reads (isa-debugcon pipes, QEMU's own logs, a monitor).
 */
#ifndef COMMAND_H
#define COMMAND_H

#include "args.h"
#include "point.h"
#include "qemu-cmd.h"

#include <stdbool.h>

/* Files of one variant (two under --compare), after defaults are applied. */
struct variant {
	const char *label; /* "A", "B", or "" without --compare */
	struct qemu_boot boot;
	/*
	 * The firmware writes no fw_start: runs stopped by kill also get QEMU's
	 * exec_tb log on a pipe and a monitor socket (firstinsn.h).
	 */
	bool first_insn;
};

/*
 * Ports a run stopped by kill watches, in channel order: both trace ports
 * in every such run (so all points of --phases share one command line), and
 * the point's port if it is another (port 0, a point from QEMU's log, has
 * none). Returns how many (at most 3). A first_insn variant's log pipe
 * comes next, then its monitor socket.
 */
int command_watch_ports(const struct exit_point *p, unsigned ports[3]);

/* Which of those channels carries p's port; -1 for port 0. */
int command_stop_watch(const struct exit_point *p);

/*
 * Command line for a run stopping at p: NULL-terminated argv, every string
 * malloc'd (free with qemu_cmd_free). NULL if out of memory.
 */
char **command_build(const struct config *c, const struct variant *v, const struct exit_point *p);

#endif
