/*
 * QEMU command lines, built as argv vectors (no shell anywhere): the part
 * every tool's boot shares (machine, firmware, kernel, initrd, command line),
 * which tools extend with their own devices, traces and the user's arguments.
 */
#ifndef QEMU_CMD_H
#define QEMU_CMD_H

#include <stdbool.h>

/* The kernel command line the tools pass unless the user gives one. */
#define DEFAULT_APPEND "console=ttyS0 quiet"

/* What one boot is, after defaults are applied. */
struct qemu_boot {
	const char *qemu, *bios, *kernel, *initrd; /* kernel, initrd NULL: none */
	const char *append;                        /* as qemu_cmd_append made it */
	const char *machine;                       /* pc, q35, microvm */
	const char *accel;                         /* tcg, kvm */
};

/* An argv being built; oom is set (and sticks) when memory ran out. */
struct qemu_argv {
	char **v;
	int n, cap;
	bool oom;
};

/* Appends one argument, printf-style. */
void qemu_argv_push(struct qemu_argv *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The NULL-terminated argv (free with qemu_cmd_free); NULL (freed) if memory ran out. */
char **qemu_argv_finish(struct qemu_argv *a);

/* QEMU, accelerator, machine, no defaults, no display, 512M, firmware, kernel. */
void qemu_cmd_boot(struct qemu_argv *a, const struct qemu_boot *b);

/*
 * An isa-debugcon device on port writing to channel chan of the run (QEMU
 * holds it as descriptor QEMU_CHAN_FD + chan, qemu-run.h); its chardev is
 * PREFIX + chan.
 */
void qemu_cmd_debugcon(struct qemu_argv *a, const char *prefix, int chan, unsigned port);

void qemu_cmd_free(char **argv);

/* argv with copies of more[] (NULL-terminated) appended; NULL (argv freed) if out of memory. */
char **qemu_cmd_add(char **argv, const char *const *more);

/* argv joined by spaces, malloc'd, for reports ("command" in JSON). */
char *qemu_cmd_join(char *const *argv);

/*
 * The kernel command line (append, or DEFAULT_APPEND if NULL) plus what the
 * machine needs: the one place for such rules; malloc'd.
 */
char *qemu_cmd_append(const char *machine, const char *append);

#endif
