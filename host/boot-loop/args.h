/* boot-loop's command line: what to run, how often, and where results go. */
#ifndef ARGS_H
#define ARGS_H

#include "point.h"

#include <stdbool.h>
#include <stddef.h>

enum run_mode { MODE_NONE, MODE_EXIT, MODE_PHASES, MODE_TIMELINE, MODE_NOPATCH };

/* Where --phases and --timeline take the firmware's start from (--fw-start). */
enum fw_start_from { FWSTART_AUTO, FWSTART_PORT, FWSTART_EXEC_TB };

/* What --compare varies between its two variants A and B. */
enum compare_what { VARY_NONE, VARY_QEMU, VARY_BIOS, VARY_KERNEL };

struct config {
	enum run_mode mode;
	bool compare;
	enum compare_what vary;
	struct exit_point exit; /* MODE_EXIT */
	long iterations;
	long warmup;
	double timeout_s;
	/* Two entries only when --compare varies that file; NULL: default. */
	const char *qemu[2], *bios[2], *kernel[2]; /* kernel "": none */
	int n_qemu, n_bios, n_kernel;
	const char *initrd;  /* NULL: default; "": none */
	const char *append;  /* NULL: default */
	const char *machine; /* pc, q35, microvm */
	const char *accel;   /* tcg, kvm */
	enum fw_start_from fw_start;
	bool qemu_trace;        /* --timeline-source=qemu-trace (qemu-trace.h) */
	const char *system_map; /* --system-map: --no-patch also times start_kernel */
	bool show_output;
	const char *export_json, *export_csv, *export_markdown, *plot, *output;
	char **extra; /* QEMU arguments after "--" */
	int n_extra;
	bool help;
};

/*
 * Fills c from argv (argv[0] is the program). Returns 0, or -1 with one
 * sentence in err saying what is wrong (the caller exits with status 2).
 */
int args_parse(int argc, char **argv, struct config *c, char *err, size_t errlen);
/* Formats an error message into err; returns -1 for "return fail(...)". */
int fail(char *err, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

extern const char args_usage[];

#endif
