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
 * stderr with QEMU's last output), 1 other failures, 2 usage, 128+N when
 * interrupted by signal N.
 * QEMU's log (trace events and the plugin's lines, in order) comes on a
 * channel of its own (log-run.h), so its other output cannot interleave.
 */
#include "boot-trace.h"
#include "kernel-entry.h"
#include "log-run.h"
#include "region-tally.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ENTRIES 4
#define PORT_LIMIT 0x10000 /* trace addresses are absolute: below = port */
/*
 * QEMU's x86 loader puts a bzImage's real-mode setup at 0x10000 (boot
 * protocol 2.02 and later, loaded high): 16-bit loaders enter at +0x200.
 */
#define BZ_SETUP_ENTRY 0x10200

struct counts {
	bool started, jumped;
	char jump[160];
	unsigned long reads, writes, ports, mmio, unparsed;
	struct region_tally regions;
	char points[128];
};

static void note_point(struct counts *c, uint64_t port, uint64_t value)
{
	size_t used = strlen(c->points);

	if (used + 16 < sizeof(c->points))
		snprintf(c->points + used, sizeof(c->points) - used, "%s0x%" PRIx64 ":%" PRIu64,
			 used ? "," : "", port, value);
}

/* One line of QEMU's log; true once the jump is seen. */
static bool on_line(void *ctx, const char *line)
{
	struct counts *c = ctx;
	struct qemu_log_event e;

	if (qemu_log_parse(line, &e)) {
		c->unparsed += e.kind == QLOG_MR_READ || e.kind == QLOG_MR_WRITE;
		return false;
	}
	if (qemu_log_is(&e, "fwbench") && !strncmp(e.args, "first ", 6)) {
		c->started = true;
	} else if (qemu_log_is(&e, "fwbench") && !strncmp(e.args, "jump ", 5)) {
		snprintf(c->jump, sizeof(c->jump), "%s", e.args + 5);
		c->jumped = true;
		return true;
	} else if ((e.kind == QLOG_MR_READ || e.kind == QLOG_MR_WRITE) && c->started &&
		   e.cpu >= 0) {
		/* Before the first instruction, or cpu -1: QEMU's own (reset) accesses. */
		e.kind == QLOG_MR_WRITE ? c->writes++ : c->reads++;
		e.addr < PORT_LIMIT ? c->ports++ : c->mmio++;
		region_tally_add(&c->regions, e.region, e.region_len);
		if (e.kind == QLOG_MR_WRITE &&
		    (e.addr == TRACE_PORT_FW || e.addr == TRACE_PORT_LINUX))
			note_point(c, e.addr, e.value);
	}
	return false;
}

static void print_counts(const struct counts *c, FILE *f)
{
	fprintf(f,
		"accesses=%lu reads=%lu writes=%lu ports=%lu mmio=%lu points=%s unparsed=%lu\n"
		"by_region ",
		c->reads + c->writes, c->reads, c->writes, c->ports, c->mmio,
		c->points[0] ? c->points : "none", c->unparsed);
	region_tally_print(&c->regions, f);
}

static void usage(const char *why)
{
	fprintf(stderr,
		"fw-measure: %s\nusage: fw-measure --plugin SO (--kernel FILE | --entry ADDR...) "
		"[--count] [--timeout SEC] -- QEMU-COMMAND...\n",
		why);
	exit(2);
}

/* The kernel's entries: PVH entry of an ELF, or both bzImage entries. */
static int entries_from_kernel(const char *path, uint64_t *e)
{
	unsigned char magic[4] = { 0 };
	FILE *f = fopen(path, "rb");
	uint64_t entry;
	bool elf;

	if (!f || fread(magic, 1, 4, f) != 4 || kernel_entry_from_file(path, &entry)) {
		fprintf(stderr, "fw-measure: %s: no kernel entry found\n", path);
		exit(2);
	}
	fclose(f);
	elf = !memcmp(magic, "\177ELF", 4);
	e[0] = entry;
	e[1] = BZ_SETUP_ENTRY;
	return elf ? 1 : 2;
}

struct options {
	const char *plugin;
	uint64_t entry[MAX_ENTRIES];
	int n_entry;
	bool count;
	double timeout;
	int cmd; /* index of the QEMU command in argv */
};

static void parse_args(int argc, char **argv, struct options *o)
{
	int i;

	for (i = 1; i < argc && strcmp(argv[i], "--"); i++) {
		char *end;

		if (!strcmp(argv[i], "--plugin") && i + 1 < argc) {
			o->plugin = argv[++i];
		} else if (!strcmp(argv[i], "--kernel") && i + 1 < argc && !o->n_entry) {
			o->n_entry = entries_from_kernel(argv[++i], o->entry);
		} else if (!strcmp(argv[i], "--entry") && i + 1 < argc &&
			   o->n_entry < MAX_ENTRIES) {
			o->entry[o->n_entry++] = strtoull(argv[++i], &end, 0);
			if (*end || end == argv[i])
				usage("bad --entry");
		} else if (!strcmp(argv[i], "--count")) {
			o->count = true;
		} else if (!strcmp(argv[i], "--timeout") && i + 1 < argc) {
			o->timeout = strtod(argv[++i], &end);
			if (*end || !(o->timeout > 0 && o->timeout < 1e6))
				usage("bad --timeout");
		} else {
			usage("unknown option, missing value or too many entries");
		}
	}
	if (!o->plugin || !o->n_entry || i + 1 >= argc)
		usage("need --plugin, an entry and a QEMU command after --");
	o->cmd = i + 1;
}

/* The plugin's line, with tfw_ns turned into microseconds. */
static int print_jump(const struct counts *c, bool count)
{
	char jump[sizeof(c->jump)], *t, *ins;
	long long ns;

	memcpy(jump, c->jump, sizeof(jump));
	t = strstr(jump, " tfw_ns=");
	ins = strstr(jump, " insns=");
	ns = t ? strtoll(t + 8, NULL, 10) : -1;
	if (t)
		*t = '\0';
	if (ins && !count) /* count=off: the plugin's counter is not kept */
		*ins = '\0';
	printf("jump %s tfw_us=%.3f", jump, ns / 1e3);
	if (count) {
		putchar(' ');
		print_counts(c, stdout);
	} else {
		putchar('\n');
	}
	return fflush(stdout) ? 1 : 0;
}

int main(int argc, char **argv)
{
	static struct counts c;
	struct options o = { .timeout = 30 };
	const char *ours[] = { "-plugin", NULL,
			       "-d",      "plugin",
			       "-D",      LOG_RUN_PATH,
			       "-icount", "shift=0,sleep=off",
			       "-trace",  "memory_region_ops_read",
			       "-trace",  "memory_region_ops_write",
			       NULL };
	char pluginarg[512], why[400];
	struct qemu_exit e;
	int len, n = 0, n_ours;

	parse_args(argc, argv, &o);
	len = snprintf(pluginarg, sizeof(pluginarg), "%s,count=%s", o.plugin,
		       o.count ? "on" : "off");
	for (int k = 0; k < o.n_entry && len < (int)sizeof(pluginarg); k++)
		len += snprintf(pluginarg + len, sizeof(pluginarg) - (size_t)len,
				",entry=0x%" PRIx64, o.entry[k]);
	if (len >= (int)sizeof(pluginarg))
		usage("plugin path too long");
	ours[1] = pluginarg;
	n_ours = o.count ? 12 : 6;

	/* QEMU's arguments: the caller's, then ours. */
	char *qargv[argc - o.cmd + 13];

	for (int k = o.cmd; k < argc; k++)
		qargv[n++] = argv[k];
	for (int k = 0; k < n_ours; k++)
		qargv[n++] = (char *)ours[k];
	qargv[n] = NULL;
	if (log_run(qargv, o.timeout, on_line, &c, &e, NULL)) {
		perror("fw-measure: cannot run QEMU");
		return 1;
	}
	if (c.jumped)
		return print_jump(&c, o.count);
	qemu_exit_describe(&e, o.timeout, why, sizeof(why));
	fprintf(stderr, "fw-measure: no jump to the kernel (first instruction %s): %s\n",
		c.started ? "seen" : "never seen", why);
	if (o.count) {
		fprintf(stderr, "fw-measure: counted so far: ");
		print_counts(&c, stderr);
	}
	if (e.tail[0])
		fprintf(stderr, "fw-measure: QEMU's last output:\n%s\n", e.tail);
	return e.interrupted ? 128 + e.interrupted : 3;
}
