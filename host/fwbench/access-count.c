/*
 * access-count: counts a guest's device accesses (port and MMIO: QEMU's
 * memory_region_ops_read/write trace events) from reset to the first
 * instruction outside the firmware (QEMU's exec_tb event, TCG only).
 *
 *   access-count [--range LO-HI]... [--timeout SEC] -- QEMU-COMMAND...
 *
 * It runs QEMU through log_run (log-run.h: no shell, the trace log on a
 * channel of its own, so QEMU's other output cannot interleave).
 * Counting starts at the first exec_tb (the reset vector): events QEMU
 * raises itself during machine reset come before it and carry cpu -1.
 * exec_tb fires only for TBs entered from the main loop, not for chained
 * ones, but a TB's first execution always comes from the main loop, and the
 * kernel's first TB is new, so the first instruction outside is never missed.
 * Exit: 0 counted, 1 no instruction outside the firmware (said on stderr with
 * QEMU's last output) or a failure, 2 usage, 128+N when interrupted by signal N.
 */
#include "log-run.h"
#include "region-tally.h"

#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_RANGES 16
#define PORT_LIMIT 0x10000 /* trace addresses are absolute: below = port */

struct range {
	uint64_t lo, hi;
};

struct counts {
	struct range ranges[MAX_RANGES];
	int n_ranges;
	bool started, done;
	unsigned long reads, writes, ports, mmio, before_start, non_cpu, unparsed;
	uint64_t first_pc, last_pc;
	struct region_tally regions;
};

static void usage(const char *why)
{
	fprintf(stderr,
		"access-count: %s\nusage: access-count [--range LO-HI]... [--timeout SEC] -- "
		"QEMU-COMMAND...\n",
		why);
	exit(2);
}

static bool parse_range(const char *s, struct range *r)
{
	char *end;

	errno = 0;
	r->lo = strtoull(s, &end, 0);
	if (errno || end == s || *end != '-')
		return false;
	s = end + 1;
	r->hi = strtoull(s, &end, 0);
	return !errno && end != s && !*end && r->hi >= r->lo;
}

static bool in_firmware(const struct counts *c, uint64_t pc)
{
	for (int i = 0; i < c->n_ranges; i++)
		if (pc >= c->ranges[i].lo && pc <= c->ranges[i].hi)
			return true;
	return false;
}

/* One line of QEMU's log; true at the first instruction outside the firmware. */
static bool on_line(void *ctx, const char *line)
{
	struct counts *c = ctx;
	struct qemu_log_event e;

	if (qemu_log_parse(line, &e)) {
		c->unparsed += e.kind != QLOG_OTHER;
		return false;
	}
	if (e.kind == QLOG_EXEC_TB) {
		c->started = true;
		c->first_pc = c->last_pc = e.pc;
		c->done = !in_firmware(c, e.pc);
		return c->done;
	}
	if (e.kind != QLOG_MR_READ && e.kind != QLOG_MR_WRITE)
		return false;
	if (!c->started) {
		c->before_start++;
	} else if (e.cpu < 0) {
		c->non_cpu++; /* QEMU's own access (e.g. at reset), not the guest's */
	} else {
		e.kind == QLOG_MR_WRITE ? c->writes++ : c->reads++;
		e.addr < PORT_LIMIT ? c->ports++ : c->mmio++;
		region_tally_add(&c->regions, e.region, e.region_len);
	}
	return false;
}

static void print_counts(const struct counts *c, FILE *f)
{
	fprintf(f,
		"accesses=%lu reads=%lu writes=%lu first_pc=0x%" PRIx64
		" ports=%lu mmio=%lu ignored_before_start=%lu ignored_non_cpu=%lu"
		" unparsed=%lu\nby_region ",
		c->reads + c->writes, c->reads, c->writes, c->done ? c->first_pc : 0, c->ports,
		c->mmio, c->before_start, c->non_cpu, c->unparsed);
	region_tally_print(&c->regions, f);
}

/* Options before "--"; returns the index of the QEMU command. */
static int parse_args(int argc, char **argv, struct counts *c, double *timeout)
{
	bool own_ranges = false;
	int i;

	for (i = 1; i < argc && strcmp(argv[i], "--"); i++) {
		char *end;

		if (!strcmp(argv[i], "--range") && i + 1 < argc) {
			/* Given ranges replace the defaults. */
			c->n_ranges = own_ranges ? c->n_ranges : 0;
			own_ranges = true;
			if (c->n_ranges == MAX_RANGES ||
			    !parse_range(argv[++i], &c->ranges[c->n_ranges++]))
				usage("bad --range (want LO-HI, e.g. 0xe0000-0xfffff; at most 16)");
		} else if (!strcmp(argv[i], "--timeout") && i + 1 < argc) {
			*timeout = strtod(argv[++i], &end);
			if (end == argv[i] || *end || !(*timeout > 0 && *timeout < 1e6))
				usage("bad --timeout (want seconds > 0)");
		} else {
			usage(argv[i][0] == '-' ? "unknown option or missing value"
						: "the QEMU command must follow --");
		}
	}
	if (i + 1 >= argc)
		usage("no QEMU command after --");
	return i + 1;
}

int main(int argc, char **argv)
{
	/* Defaults: the firmware's two mappings (high ROM, legacy alias). */
	static struct counts c = { .ranges = { { 0xe0000, 0xfffff }, { 0xfffe0000, 0xffffffff } },
				   .n_ranges = 2 };
	static const char *const extra[] = { "-trace", "memory_region_ops_read",
					     "-trace", "memory_region_ops_write",
					     "-trace", "exec_tb",
					     "-D",     LOG_RUN_PATH,
					     NULL };
	double timeout = 30;
	int cmd = parse_args(argc, argv, &c, &timeout), n = 0;
	char *qargv[argc - cmd + 9], why[400];
	struct qemu_exit e;

	while (cmd < argc)
		qargv[n++] = argv[cmd++];
	memcpy(qargv + n, extra, sizeof(extra));
	if (log_run(qargv, timeout, on_line, &c, &e, NULL)) {
		perror("access-count: cannot run QEMU");
		return 1;
	}
	if (c.done) {
		print_counts(&c, stdout);
		return fflush(stdout) ? 1 : 0;
	}
	qemu_exit_describe(&e, timeout, why, sizeof(why));
	fprintf(stderr,
		"access-count: %s: no instruction outside the firmware (last pc 0x%" PRIx64 ")%s\n",
		why, c.last_pc,
		c.started ? ""
			  : "; no exec_tb event seen (needs TCG and QEMU's log trace backend)");
	fprintf(stderr, "access-count: counted so far: ");
	print_counts(&c, stderr);
	if (e.tail[0])
		fprintf(stderr, "access-count: QEMU's last output:\n%s%s", e.tail,
			e.tail[strlen(e.tail) - 1] == '\n' ? "" : "\n");
	return e.interrupted ? 128 + e.interrupted : 1;
}
