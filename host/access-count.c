/*
 * access-count: counts a guest's device accesses (port and MMIO: QEMU's
 * memory_region_ops_read/write trace events) from reset to the first
 * instruction outside the firmware (QEMU's exec_tb event, TCG only).
 *
 *   access-count [--range LO-HI]... [--timeout SEC] -- QEMU-COMMAND...
 *
 * It runs QEMU through fwm_run (host/fwm-run.c: no shell, the trace log on a
 * pipe of its own, -D /dev/fd/3, so QEMU's other output cannot interleave).
 * Counting starts at the first exec_tb (the reset vector): events QEMU
 * raises itself during machine reset come before it and carry cpu -1.
 * exec_tb fires only for TBs entered from the main loop, not for chained
 * ones, but a TB's first execution always comes from the main loop, and the
 * kernel's first TB is new, so the first instruction outside is never missed.
 */
#include "fwm-run.h"
#include "region-tally.h"

#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_RANGES 16
#define PORT_LIMIT 0x10000 /* trace addresses are absolute: below = port */

struct range { uint64_t lo, hi; };

/* Defaults: the firmware's two mappings (high ROM, legacy alias). */
static struct range ranges[MAX_RANGES] = {
	{ 0xe0000, 0xfffff }, { 0xfffe0000, 0xffffffff } };
static int nranges = 2;

static struct {
	bool started, done;
	unsigned long reads, writes, ports, mmio, before_start, non_cpu, unparsed;
	uint64_t first_pc, last_pc;
	struct region_tally regions;
} st;

static void usage(const char *why)
{
	fprintf(stderr, "access-count: %s\nusage: access-count [--range LO-HI]... "
		"[--timeout SEC] -- QEMU-COMMAND...\n", why);
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

static bool in_firmware(uint64_t pc)
{
	for (int i = 0; i < nranges; i++)
		if (pc >= ranges[i].lo && pc <= ranges[i].hi)
			return true;
	return false;
}

/* One line of the log backend: "EVENT args" or "PID@SEC.USEC:EVENT args". */
static bool on_line(char *line, void *ctx)
{
	(void)ctx;
	char *c = strchr(line, ':'), *p;
	if (line[0] >= '0' && line[0] <= '9' && c)
		line = c + 1;
	if (!strncmp(line, "exec_tb ", 8)) {
		if (!(p = strstr(line, " pc=")))
			goto bad;
		st.started = true;
		st.last_pc = strtoull(p + 4, NULL, 16);
		st.first_pc = st.last_pc;
		st.done = !in_firmware(st.last_pc);
		return st.done;
	}
	bool write = !strncmp(line, "memory_region_ops_write ", 24);
	if (!write && strncmp(line, "memory_region_ops_read ", 23))
		return false;
	int cpu;
	char *a = strstr(line, " addr 0x"), *n = strstr(line, " name '");
	char *e = n ? strrchr(n + 7, '\'') : NULL;
	if (sscanf(line + (write ? 24 : 23), "cpu %d", &cpu) != 1 || !a || !e)
		goto bad;
	if (!st.started)
		st.before_start++;
	else if (cpu < 0)  /* QEMU's own access (e.g. at reset), not the guest's */
		st.non_cpu++;
	else {
		write ? st.writes++ : st.reads++;
		strtoull(a + 8, NULL, 16) < PORT_LIMIT ? st.ports++ : st.mmio++;
		region_tally_add(&st.regions, n + 7, (size_t)(e - (n + 7)));
	}
	return false;
bad:
	st.unparsed++;
	return false;
}

static void print_counts(FILE *f)
{
	fprintf(f, "accesses=%lu reads=%lu writes=%lu first_pc=0x%" PRIx64
		" ports=%lu mmio=%lu ignored_before_start=%lu ignored_non_cpu=%lu"
		" unparsed=%lu\nby_region ", st.reads + st.writes, st.reads, st.writes,
		st.done ? st.first_pc : 0, st.ports, st.mmio, st.before_start, st.non_cpu, st.unparsed);
	region_tally_print(&st.regions, f);
}

/* Options before "--"; returns the index of the QEMU command. */
static int parse_args(int argc, char **argv, double *timeout)
{
	bool own_ranges = false;
	int i;
	for (i = 1; i < argc && strcmp(argv[i], "--"); i++) {
		char *end;
		if (!strcmp(argv[i], "--range") && i + 1 < argc) {
			nranges = own_ranges ? nranges : 0;  /* given ranges replace the defaults */
			own_ranges = true;
			if (nranges == MAX_RANGES || !parse_range(argv[++i], &ranges[nranges++]))
				usage("bad --range (want LO-HI, e.g. 0xe0000-0xfffff; at most 16)");
		} else if (!strcmp(argv[i], "--timeout") && i + 1 < argc) {
			*timeout = strtod(argv[++i], &end);
			if (end == argv[i] || *end || !(*timeout > 0 && *timeout < 1e6))
				usage("bad --timeout (want seconds > 0)");
		} else {
			usage(argv[i][0] == '-' ? "unknown option or missing value" :
			      "the QEMU command must follow --");
		}
	}
	if (i + 1 >= argc)
		usage("no QEMU command after --");
	return i + 1;
}

int main(int argc, char **argv)
{
	double timeout = 30;
	int cmd = parse_args(argc, argv, &timeout), n = 0;
	char *qargv[argc - cmd + 9];
	while (cmd < argc)
		qargv[n++] = argv[cmd++];
	const char *extra[] = { "-trace", "memory_region_ops_read", "-trace",
		"memory_region_ops_write", "-trace", "exec_tb", "-D", "/dev/fd/3", NULL };
	memcpy(qargv + n, extra, sizeof extra);

	struct fwm_outcome out;
	if (fwm_run(qargv, timeout, on_line, NULL, &out) < 0)
		return 1;
	if (st.done) {
		print_counts(stdout);
		return fflush(stdout) ? 1 : 0;
	}
	fprintf(stderr, "access-count: %s: no instruction outside the firmware (last pc 0x%"
		PRIx64 ")%s\n", out.what[0] ? out.what : "trace log ended", st.last_pc,
		st.started ? "" : "; no exec_tb event seen (needs TCG and QEMU's log trace backend)");
	fprintf(stderr, "access-count: counted so far: ");
	print_counts(stderr);
	if (out.tail[0])
		fprintf(stderr, "access-count: QEMU's last output:\n%s%s", out.tail,
			out.tail[strlen(out.tail) - 1] == '\n' ? "" : "\n");
	return 1;
}
