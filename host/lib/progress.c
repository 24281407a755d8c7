/* Elapsed time, rate and time left of a long loop; see progress.h. */
#include "progress.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void duration(char *buf, size_t len, double s)
{
	long t = (long)(s + 0.5);

	if (t >= 3600)
		snprintf(buf, len, "%ldh%02ldm", t / 3600, t / 60 % 60);
	else if (t >= 60)
		snprintf(buf, len, "%ldm%02lds", t / 60, t % 60);
	else
		snprintf(buf, len, "%lds", t);
}

void progress_start(struct progress *p, long total_runs)
{
	p->on = isatty(STDERR_FILENO);
	p->total = total_runs;
	p->start = now();
	p->last = 0;
}

void progress_update(struct progress *p, long done, long failures)
{
	double t = now(), elapsed = t - p->start, rate;
	char el[32], left[32];

	/* A few updates a second are plenty and keep the terminal cheap. */
	if (!p->on || (t - p->last < 0.25 && done < p->total))
		return;
	p->last = t;
	rate = elapsed > 0 ? done / elapsed : 0;
	duration(el, sizeof(el), elapsed);
	if (rate > 0)
		duration(left, sizeof(left), (p->total - done) / rate);
	else
		snprintf(left, sizeof(left), "?");
	fprintf(stderr, "\r\033[K  run %ld/%ld  %s elapsed  %.2f runs/s  ~%s left", done, p->total,
		el, rate, left);
	if (failures)
		fprintf(stderr, "  %ld failed", failures);
}

void progress_end(struct progress *p)
{
	if (p->on)
		fprintf(stderr, "\r\033[K");
}
