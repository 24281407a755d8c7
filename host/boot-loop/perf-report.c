/*
 * Splits perf script events into boots (one per sched_process_exec of
 * QEMU) and names every trace write by its point, never by its position.
 */
#include "perf-report.h"

#include "boot-trace.h"
#include "perf-parse.h"
#include "stats.h"
#include "trace-names.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_VALUE 256

struct boot {
	int64_t exec, entry;   /* ns; entry 0: none */
	int64_t at[MAX_VALUE]; /* first write of each current value; 0: none */
};

struct phase_def {
	const char *name, *what;
	int from, to; /* trace values; 0: exec, -1: first kvm_entry, -2: jump */
};

static int64_t when(const struct boot *b, int v)
{
	if (v == 0)
		return b->exec;
	if (v == -1)
		return b->entry;
	if (v == -2)
		return b->at[TRACE_LINUX_START_BOOT] ? b->at[TRACE_LINUX_START_BOOT]
						     : b->at[TRACE_LINUX_START_PVHBOOT];
	return b->at[v];
}

/* Reads all boots; *n of them in a malloc'd array. */
static struct boot *read_boots(FILE *in, int old, size_t *n, long *bad)
{
	struct boot *boots = NULL;
	size_t cap = 0;
	char line[4096];

	*n = 0;
	*bad = 0;
	while (fgets(line, sizeof(line), in)) {
		struct perf_event e;
		int rc = perf_parse_line(line, &e), v;
		struct boot *b = *n ? &boots[*n - 1] : NULL;

		if (rc < 0)
			(*bad)++;
		if (rc <= 0)
			continue;
		if (e.kind == PERF_EXEC) {
			if (*n == cap) {
				struct boot *nb =
					realloc(boots, (cap = cap ? 2 * cap : 8) * sizeof(*nb));

				if (!nb) {
					free(boots);
					return NULL;
				}
				boots = nb;
			}
			boots[(*n)++] = (struct boot){ .exec = e.ns };
		} else if (b && e.kind == PERF_ENTRY && !b->entry) {
			b->entry = e.ns;
		} else if (b && e.kind == PERF_PIO_WRITE &&
			   (v = perf_point_value(e.port, e.value, old)) && !b->at[v]) {
			b->at[v] = e.ns;
		}
	}
	return boots;
}

struct boot_list {
	const struct boot *b;
	size_t n;
};

/* Orders values by their offset from exec in the first boot holding both. */
static int by_time(const void *pa, const void *pb, void *ctx)
{
	int a = *(const int *)pa, b = *(const int *)pb;
	const struct boot_list *l = ctx;

	for (size_t i = 0; i < l->n; i++)
		if (l->b[i].at[a] && l->b[i].at[b])
			return (l->b[i].at[a] > l->b[i].at[b]) - (l->b[i].at[a] < l->b[i].at[b]);
	return a - b;
}

static int width(int v)
{
	int w = (int)strlen(trace_point_name(v));

	return w > 10 ? w : 10;
}

static void summary_row(FILE *out, const char *name, const char *what, const double *x, size_t n)
{
	struct summary s;

	stats_summarize(x, n, 0.95, &s);
	if (!s.n)
		return;
	fprintf(out, "%-10s %-34s %3zu %10.3f %10.3f %10.3f %10.3f\n", name, what, s.n,
		s.median * 1e3, s.mean * 1e3, s.min * 1e3, s.max * 1e3);
}

int perf_report(FILE *in, FILE *out, int old, const char *name)
{
	static const struct phase_def phases[] = {
		{ "qemu_init", "exec to first kvm_entry", 0, -1 },
		{ "tQEMU", "exec to fw_start", 0, TRACE_FW_START },
		{ "tFW", "fw_start to linux_start_boot/pvh", TRACE_FW_START, -2 },
		{ "tKernel", "jump to linux_start_user", -2, TRACE_LINUX_START_USER },
		{ "tKernel", "jump to user_probe", -2, TRACE_USER_PROBE },
	};
	size_t n, used = 0;
	long bad;
	struct boot *boots = read_boots(in, old, &n, &bad);
	double *x;
	bool seen[MAX_VALUE] = { false };
	int order[MAX_VALUE];
	size_t n_cols;

	if (!boots || !n) {
		free(boots);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		for (int v = 1; v < MAX_VALUE; v++)
			seen[v] |= boots[i].at[v] != 0;
	/* Columns in the order the points came in the first boot that has them. */
	for (int v = 1; v < MAX_VALUE; v++)
		if (seen[v])
			order[used++] = v;
	qsort_r(order, used, sizeof(*order), by_time, &(struct boot_list){ boots, n });
	n_cols = used;
	used = 0;
	fprintf(out, "perf-report: %zu boots in %s, %s numbering%s\n", n, name,
		old ? "old (0xf5: 1 fw_start, 4 fw_do_boot; 0xf4: 3 boot, 5 kernel, 6 user)"
		    : "current (include/boot-trace.h)",
		bad ? "; some lines could not be read" : "");
	fprintf(out, "\n%-5s %-18s %10s", "boot", "exec [s]", "kvm_entry");
	for (size_t c = 0; c < n_cols; c++)
		fprintf(out, " %*s", width(order[c]), trace_point_name(order[c]));
	fprintf(out, "   [ms after exec]\n");
	for (size_t i = 0; i < n; i++) {
		fprintf(out, "%-5zu %-18.9f %10.3f", i + 1, boots[i].exec * 1e-9,
			boots[i].entry ? (boots[i].entry - boots[i].exec) * 1e-6 : NAN);
		for (size_t c = 0; c < n_cols; c++) {
			int64_t at = boots[i].at[order[c]];

			fprintf(out, " %*.3f", width(order[c]),
				at ? (at - boots[i].exec) * 1e-6 : NAN);
		}
		fputc('\n', out);
	}
	x = malloc(n * sizeof(*x));
	if (!x) {
		free(boots);
		return -1;
	}
	fprintf(out, "\n%-10s %-34s %3s %10s %10s %10s %10s\n", "phase", "from, to", "n", "median",
		"mean", "min", "max");
	for (size_t k = 0; k < sizeof(phases) / sizeof(phases[0]); k++) {
		const struct phase_def *p = &phases[k];

		/* tKernel ends at start_user when the kernel has the patch, else at the probe. */
		if (p->to == TRACE_USER_PROBE && seen[TRACE_LINUX_START_USER])
			continue;
		for (size_t i = 0; i < n; i++) {
			int64_t a = when(&boots[i], p->from), b = when(&boots[i], p->to);

			x[i] = (p->from && !a) || !b ? NAN : (b - a) * 1e-9;
		}
		summary_row(out, p->name, p->what, x, n);
		used++;
	}
	fprintf(out, "Times in ms, per boot from one recording (no spawn or teardown in them).\n");
	free(x);
	free(boots);
	return used ? 0 : -1;
}

int perf_report_main(int argc, char **argv)
{
	int old = 0, rc;
	const char *path = NULL;
	FILE *in;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--old-numbering"))
			old = 1;
		else if (!path && (argv[i][0] != '-' || !strcmp(argv[i], "-")))
			path = argv[i];
		else {
			fprintf(stderr,
				"boot-loop perf-report: unexpected argument '%s'\n"
				"Usage: boot-loop perf-report [--old-numbering] FILE|-\n",
				argv[i]);
			return 2;
		}
	}
	if (!path) {
		fprintf(stderr, "boot-loop perf-report: no file\n"
				"Usage: boot-loop perf-report [--old-numbering] FILE|-\n");
		return 2;
	}
	in = strcmp(path, "-") ? fopen(path, "re") : stdin;
	if (!in) {
		fprintf(stderr, "boot-loop perf-report: %s: %s\n", path, strerror(errno));
		return 2;
	}
	rc = perf_report(in, stdout, old, path);
	if (in != stdin)
		fclose(in);
	if (rc)
		fprintf(stderr,
			"boot-loop perf-report: %s: no boot (no sched_process_exec "
			"followed by kvm events)\n",
			path);
	return rc ? 1 : 0;
}
