/* The QEMU command line of one run: a variant's files plus how it stops. */
#ifndef QEMU_CMD_H
#define QEMU_CMD_H

#include "args.h"
#include "point.h"

#include <stdbool.h>

/* First descriptor QEMU inherits for the trace pipes of a run stopped by kill. */
#define QEMU_WATCH_FD 3

/* Files of one variant (two under --compare), after defaults are applied. */
struct variant {
	const char *label;	/* "A", "B", or "" without --compare */
	const char *qemu, *bios, *kernel, *initrd;	/* kernel, initrd NULL: none */
	const char *append;
	const char *accel;
	/*
	 * The firmware writes no fw_start: runs stopped by kill also get QEMU's
	 * exec_tb log on a pipe and a monitor socket (firstinsn.h).
	 */
	bool first_insn;
};

/* The kernel command line boot-loop passes unless --append replaces it. */
#define DEFAULT_APPEND "console=ttyS0 quiet"

/*
 * Ports a run stopped by kill watches, in pipe order: both trace ports in
 * every such run (so all points of --phases share one command line), and
 * the point's port if it is another (port 0, a point from QEMU's log, has
 * none). Returns how many (at most 3). A first_insn variant's log pipe
 * comes next, then its monitor socket.
 */
int qemu_cmd_watch_ports(const struct exit_point *p, unsigned ports[3]);

/* Which of those pipes carries p's port; -1 for port 0. */
int qemu_cmd_stop_watch(const struct exit_point *p);

/*
 * Command line for a run stopping at p: NULL-terminated argv, every string
 * malloc'd (free with qemu_cmd_free). NULL if out of memory.
 */
char **qemu_cmd_build(const struct config *c, const struct variant *v,
		      const struct exit_point *p);
void qemu_cmd_free(char **argv);

/* argv with copies of more[] (NULL-terminated) appended; NULL (argv freed) if out of memory. */
char **qemu_cmd_add(char **argv, const char *const *more);

/* argv joined by spaces, malloc'd, for reports ("command" in JSON). */
char *qemu_cmd_join(char *const *argv);

/* --append (or the default) plus what the machine needs; malloc'd. */
char *qemu_cmd_append(const char *machine, const char *append);

#endif
