/* Appends finished runs to the --output file; see record.h. */
#include "record.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void put(struct record *r, const char *line, size_t len)
{
	ssize_t n;

	if (r->fd < 0 || r->failed)
		return;
	/* O_APPEND and one write per line: lines never interleave or tear. */
	while ((n = write(r->fd, line, len)) < 0 && errno == EINTR)
		;
	if (n == (ssize_t)len)
		return;
	r->failed = true;
	fprintf(stderr, "boot-loop: --output %s: %s; measuring goes on without it\n", r->path,
		n < 0 ? strerror(errno) : "short write (disk full?)");
}

int record_open(struct record *r, const char *path, int argc, char **argv)
{
	char line[4096];
	size_t len;
	time_t now = time(NULL);
	struct tm tm;

	*r = (struct record){ .fd = -1, .path = path };
	if (!path)
		return 0;
	r->fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	if (r->fd < 0)
		return -1;
	gmtime_r(&now, &tm);
	len = strftime(line, sizeof(line), "# boot-loop started %Y-%m-%dT%H:%M:%SZ:", &tm);
	for (int i = 0; i < argc && len < sizeof(line) - 2; i++)
		len += snprintf(line + len, sizeof(line) - len, " %s", argv[i]);
	if (len > sizeof(line) - 2)
		len = sizeof(line) - 2;
	len += snprintf(line + len, sizeof(line) - len, "\n");
	put(r, line, len);
	len = snprintf(
		line, sizeof(line),
		"# iteration\tkind\tvariant\tpoint\tresult\tseconds\tseen_s\texit_code\treason\n");
	put(r, line, len);
	return 0;
}

void record_run(struct record *r, long iteration, const char *kind, const char *variant,
		const char *point, const struct outcome *o, const struct launch_result *lr)
{
	char line[512], seen[32] = "-";
	int len;

	if (r->fd < 0)
		return;
	/* seen_s: when boot-loop read the stop value from the pipe (runs stopped by kill). */
	if (lr->stop_seen_s >= 0)
		snprintf(seen, sizeof(seen), "%.9f", lr->stop_seen_s);
	len = snprintf(line, sizeof(line), "%ld\t%s\t%s\t%s\t%s\t%.9f\t%s\t%d\t%s\n", iteration,
		       kind, *variant ? variant : "-", point,
		       o->ok                  ? "ok"
		       : lr->exit.interrupted ? "interrupted"
					      : "fail",
		       lr->exit.seconds, seen, o->exit_code, o->reason);
	if (len >= (int)sizeof(line)) {
		len = sizeof(line) - 1;
		line[len - 1] = '\n';
	}
	put(r, line, len);
}

void record_close(struct record *r)
{
	if (r->fd >= 0)
		close(r->fd);
	r->fd = -1;
}
