/*
 * fw-measure: one QEMU run from reset to the firmware's jump to the kernel,
 * for any firmware (patched or not): the jump is the first execution of the
 * kernel's entry instruction, found by fwbench-plugin.so.
 *
 *   fw-measure --plugin SO (--kernel FILE | --entry ADDR...) [--count]
 *              [--timeout SEC] -- QEMU-COMMAND...
 *
 * Default (timing): prints "jump pc=... tfw_us=..." (reset vector to the
 * entry, timed inside QEMU by the plugin); nothing else is traced, so the
 * firmware runs at TCG's normal speed.
 * --count: adds -icount shift=0,sleep=off (virtual time follows the
 * instruction count, so firmwares that poll timers take the same path every
 * run) and QEMU's memory_region_ops_read/write trace events, and prints
 * "jump pc=... insns=N accesses=N reads= writes= ports= mmio= points=..."
 * and "by_region NAME=N,...": guest device accesses from the first
 * instruction to the jump by QEMU memory region name; points lists the
 * writes to 0xf4/0xf5 (trace points) as PORT:VALUE.
 * Exit: 0 jumped, 3 no jump before the timeout or QEMU's exit (said on
 * stderr with QEMU's last output), 1 other failures, 2 usage.
 * QEMU's log (trace events and the plugin's lines, in order) comes on a pipe
 * of its own (-D /dev/fd/3), so its other output cannot interleave.
 */
#include "kernel-entry.h"
#include "fwm-run.h"
#include "region-tally.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ENTRIES 4
#define PORT_LIMIT 0x10000 /* trace addresses are absolute: below = port */
/* QEMU's x86 loader puts a bzImage's real-mode setup at 0x10000 (boot
 * protocol 2.02 and later, loaded high): 16-bit loaders enter at +0x200. */
#define BZ_SETUP_ENTRY 0x10200

static struct {
	bool started, jumped;
	char jump[160];
	unsigned long reads, writes, ports, mmio, unparsed;
	struct region_tally regions;
	char points[128];
} st;

/* One line of QEMU's log; returns true once the jump is seen. */
static bool on_line(char *line, void *ctx)
{
	(void)ctx;
	if (!strncmp(line, "fwbench first ", 14)) {
		st.started = true;
		return false;
	}
	if (!strncmp(line, "fwbench jump ", 13)) {
		snprintf(st.jump, sizeof st.jump, "%s", line + 13);
		st.jumped = true;
		return true;
	}
	bool write = !strncmp(line, "memory_region_ops_write ", 24);
	if (!write && strncmp(line, "memory_region_ops_read ", 23))
		return false;
	int cpu;
	char *a = strstr(line, " addr 0x"), *v = strstr(line, " value 0x"), *n = strstr(line, " name '");
	char *e = n ? strrchr(n + 7, '\'') : NULL;
	if (sscanf(line + (write ? 24 : 23), "cpu %d", &cpu) != 1 || !a || !v || !e) {
		st.unparsed++;
		return false;
	}
	/* Before the first instruction, or cpu -1: QEMU's own (reset) accesses. */
	if (!st.started || cpu < 0)
		return false;
	uint64_t addr = strtoull(a + 8, NULL, 16);
	write ? st.writes++ : st.reads++;
	addr < PORT_LIMIT ? st.ports++ : st.mmio++;
	region_tally_add(&st.regions, n + 7, (size_t)(e - (n + 7)));
	size_t used = strlen(st.points);
	if (write && (addr == 0xf4 || addr == 0xf5) && used + 16 < sizeof st.points)
		snprintf(st.points + used, sizeof st.points - used, "%s0x%" PRIx64 ":%llu",
			 used ? "," : "", addr, strtoull(v + 9, NULL, 16));
	return false;
}

static void print_counts(FILE *f)
{
	fprintf(f, "accesses=%lu reads=%lu writes=%lu ports=%lu mmio=%lu points=%s unparsed=%lu\n"
		"by_region ", st.reads + st.writes, st.reads, st.writes, st.ports, st.mmio,
		st.points[0] ? st.points : "none", st.unparsed);
	region_tally_print(&st.regions, f);
}

static void usage(const char *why)
{
	fprintf(stderr, "fw-measure: %s\nusage: fw-measure --plugin SO (--kernel FILE | "
		"--entry ADDR...) [--count] [--timeout SEC] -- QEMU-COMMAND...\n", why);
	exit(2);
}

/* The kernel's entries: PVH entry of an ELF, or both bzImage entries. */
static int entries_from_kernel(const char *path, uint64_t *e)
{
	uint64_t entry;
	unsigned char magic[4] = { 0 };
	FILE *f = fopen(path, "rb");
	if (!f || fread(magic, 1, 4, f) != 4 || kernel_entry_from_file(path, &entry)) {
		fprintf(stderr, "fw-measure: %s: no kernel entry found\n", path);
		exit(2);
	}
	fclose(f);
	e[0] = entry;
	if (!memcmp(magic, "\177ELF", 4))
		return 1;
	e[1] = BZ_SETUP_ENTRY;
	return 2;
}

int main(int argc, char **argv)
{
	const char *plugin = NULL;
	uint64_t entry[MAX_ENTRIES];
	int nentry = 0, i;
	bool count = false;
	double timeout = 30;
	for (i = 1; i < argc && strcmp(argv[i], "--"); i++) {
		char *end;
		if (!strcmp(argv[i], "--plugin") && i + 1 < argc) {
			plugin = argv[++i];
		} else if (!strcmp(argv[i], "--kernel") && i + 1 < argc && !nentry) {
			nentry = entries_from_kernel(argv[++i], entry);
		} else if (!strcmp(argv[i], "--entry") && i + 1 < argc && nentry < MAX_ENTRIES) {
			entry[nentry++] = strtoull(argv[++i], &end, 0);
			if (*end || end == argv[i])
				usage("bad --entry");
		} else if (!strcmp(argv[i], "--count")) {
			count = true;
		} else if (!strcmp(argv[i], "--timeout") && i + 1 < argc) {
			timeout = strtod(argv[++i], &end);
			if (*end || !(timeout > 0 && timeout < 1e6))
				usage("bad --timeout");
		} else {
			usage("unknown option, missing value or too many entries");
		}
	}
	if (!plugin || !nentry || i + 1 >= argc)
		usage("need --plugin, an entry and a QEMU command after --");

	/* QEMU's arguments: the caller's, then ours. */
	char pluginarg[512];
	int len = snprintf(pluginarg, sizeof pluginarg, "%s,count=%s", plugin, count ? "on" : "off");
	for (int k = 0; k < nentry && len < (int)sizeof pluginarg; k++)
		len += snprintf(pluginarg + len, sizeof pluginarg - (size_t)len, ",entry=0x%" PRIx64,
				entry[k]);
	if (len >= (int)sizeof pluginarg)
		usage("plugin path too long");
	const char *ours[] = { "-plugin", pluginarg, "-d", "plugin", "-D", "/dev/fd/3",
		"-icount", "shift=0,sleep=off", "-trace", "memory_region_ops_read",
		"-trace", "memory_region_ops_write", NULL };
	int nours = count ? 12 : 6, n = 0;
	char *qargv[argc - i + 13];
	for (int k = i + 1; k < argc; k++)
		qargv[n++] = argv[k];
	for (int k = 0; k < nours; k++)
		qargv[n++] = (char *)ours[k];
	qargv[n] = NULL;

	struct fwm_outcome out;
	if (fwm_run(qargv, timeout, on_line, NULL, &out) < 0)
		return 1;
	if (st.jumped) {
		/* The plugin's line, with tfw_ns turned into microseconds. */
		char *t = strstr(st.jump, " tfw_ns="), *ins = strstr(st.jump, " insns=");
		long long ns = t ? strtoll(t + 8, NULL, 10) : -1;
		if (t)
			*t = 0;
		if (ins && !count)  /* count=off: the plugin's counter is not kept */
			*ins = 0;
		printf("jump %s tfw_us=%.3f", st.jump, ns / 1e3);
		if (count) {
			putchar(' ');
			print_counts(stdout);
		} else {
			putchar('\n');
		}
		return fflush(stdout) ? 1 : 0;
	}
	fprintf(stderr, "fw-measure: no jump to the kernel (first instruction %s): %s\n",
		st.started ? "seen" : "never seen", out.what);
	if (count) {
		fprintf(stderr, "fw-measure: counted so far: ");
		print_counts(stderr);
	}
	if (out.tail[0])
		fprintf(stderr, "fw-measure: QEMU's last output:\n%s\n", out.tail);
	return 3;
}
