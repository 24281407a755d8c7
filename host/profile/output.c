/* Text and JSON of a profile; see output.h. */
#include "output.h"

#include "json.h"
#include "trace-names.h"

#include <inttypes.h>

int output_points(const struct profile *p, const struct boot_result *r,
		  struct placed_point pts[BOOT_MAX_POINTS])
{
	int n = 0;

	for (int i = 0; i < r->n_points && n < BOOT_MAX_POINTS; i++) {
		const struct boot_point *b = &r->points[i];
		const char *name = trace_point_name(b->value);

		/* The host read the byte: late by its wake-up, never early. */
		pts[n++] =
			(struct placed_point){ name                       ? name
					       : trace_error_id(b->value) ? trace_error_id(b->value)
									  : "value",
					       b->port, b->value,
					       (int64_t)((r->exit.fork_monotonic + b->t_s) * 1e9) -
						       (int64_t)p->start_ns };
	}
	return n;
}

static double share(const struct profile *p, uint64_t insns)
{
	return p->total_insns ? 100.0 * (double)insns / (double)p->total_insns : 0;
}

void output_top(FILE *f, const struct profile *p, size_t top)
{
	fprintf(f, "guest instructions: %" PRIu64 " in %zu blocks, %zu functions and regions\n",
		p->total_insns, p->n, p->nf);
	fprintf(f, "%4s %7s %14s %12s %10s  %-40s %s\n", "No.", "share", "instructions",
		"block runs", "first [ms]", "function", "module");
	for (size_t i = 0; i < p->nf && i < top; i++) {
		const struct prof_func *fn = &p->f[i];

		fprintf(f, "%4zu %6.2f%% %14" PRIu64 " %12" PRIu64 " %10.3f  %-40s %s\n", i + 1,
			share(p, fn->self_insns), fn->self_insns, fn->execs,
			(double)(fn->first_ns - p->start_ns) / 1e6, fn->region ? "" : fn->name,
			fn->region ? fn->name : fn->module);
	}
}

void output_timeline(FILE *f, const struct profile *p, const size_t *order,
		     const struct placed_point *pts, int n_pts)
{
	int k = 0;

	fprintf(f, "# first call [ms since the reset vector]  function  module  (trace points "
		   "inline, timed when boot-profile read them)\n");
	for (size_t i = 0; i <= p->nf; i++) {
		const struct prof_func *fn = i < p->nf ? &p->f[order[i]] : NULL;
		int64_t t = fn ? (int64_t)(fn->first_ns - p->start_ns) : INT64_MAX;

		for (; k < n_pts && pts[k].t_ns <= t; k++)
			fprintf(f, "%12.3f  == %s (0x%x:%d) ==\n", pts[k].t_ns / 1e6, pts[k].name,
				pts[k].port, pts[k].value);
		if (fn)
			fprintf(f, "%12.3f  %s  %s\n", t / 1e6, fn->name,
				fn->region ? "(region)" : fn->module);
	}
}

void output_json(FILE *f, const struct profile *p, const size_t *order,
		 const struct placed_point *pts, int n_pts, const char *command)
{
	fprintf(f, "{\n  \"command\": ");
	json_string(f, command);
	fprintf(f, ",\n  \"total_insns\": %" PRIu64 ",\n  \"blocks\": %zu,\n  \"stopped_at_ns\": ",
		p->total_insns, p->n);
	if (p->stop_ns)
		fprintf(f, "%" PRIu64, p->stop_ns - p->start_ns);
	else
		fputs("null", f);
	fputs(",\n  \"points\": [", f);
	for (int i = 0; i < n_pts; i++) {
		fprintf(f, "%s\n    {\"name\": ", i ? "," : "");
		json_string(f, pts[i].name);
		fprintf(f, ", \"port\": %u, \"value\": %d, \"t_ns\": %" PRId64 "}", pts[i].port,
			pts[i].value, pts[i].t_ns);
	}
	fputs("\n  ],\n  \"functions\": [", f);
	for (size_t i = 0; i < p->nf; i++) {
		const struct prof_func *fn = &p->f[order[i]];

		fprintf(f, "%s\n    {\"name\": ", i ? "," : "");
		json_string(f, fn->name);
		fputs(", \"module\": ", f);
		json_string(f, fn->module);
		fprintf(f,
			", \"region\": %s, \"addr\": \"0x%" PRIx64 "\", \"self_insns\": %" PRIu64
			", \"block_runs\": %" PRIu64 ", \"blocks\": %zu, \"first_ns\": %" PRIu64
			"}",
			fn->region ? "true" : "false", fn->addr, fn->self_insns, fn->execs,
			fn->blocks, fn->first_ns - p->start_ns);
	}
	fputs("\n  ]\n}\n", f);
}
