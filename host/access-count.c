/*
 * access-count: counts a guest's device accesses (port and MMIO: QEMU's
 * memory_region_ops_read/write trace events) from reset to the first
 * instruction outside the firmware (QEMU's exec_tb event, TCG only).
 *
 *   access-count [--range LO-HI]... [--timeout SEC] -- QEMU-COMMAND...
 *
 * It spawns QEMU itself (no shell) with the trace log on a pipe of its own
 * (-D /dev/fd/3), so QEMU's other stderr output cannot interleave with it.
 * Counting starts at the first exec_tb (the reset vector): events QEMU
 * raises itself during machine reset come before it and carry cpu -1.
 * exec_tb fires only for TBs entered from the main loop, not for chained
 * ones, but a TB's first execution always comes from the main loop, and the
 * kernel's first TB is new, so the first instruction outside is never missed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/pidfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_RANGES 16
#define MAX_REGIONS 64
#define TRACE_FD 3      /* the child's fd for -D /dev/fd/3 */
#define PORT_LIMIT 0x10000 /* trace addresses are absolute: below = port */

struct range { uint64_t lo, hi; };
struct region { char name[48]; unsigned long count; };

/* Defaults: the firmware's two mappings (high ROM, legacy alias). */
static struct range ranges[MAX_RANGES] = {
	{ 0xe0000, 0xfffff }, { 0xfffe0000, 0xffffffff } };
static int nranges = 2;

static struct {
	bool started, done;
	unsigned long reads, writes, ports, mmio, before_start, non_cpu, unparsed;
	uint64_t first_pc, last_pc;
	struct region regions[MAX_REGIONS];
	int nregions;
} st;

static char errtail[4096]; /* last bytes of QEMU's stdout/stderr */
static size_t errlen;
static volatile pid_t child;

static void usage(const char *why)
{
	fprintf(stderr, "access-count: %s\nusage: access-count [--range LO-HI]... "
		"[--timeout SEC] -- QEMU-COMMAND...\n", why);
	exit(2);
}

/* If we are killed, do not leave QEMU running behind us. */
static void on_signal(int sig)
{
	if (child > 0 && kill(child, SIGKILL) == 0)
		waitpid(child, NULL, 0);
	signal(sig, SIG_DFL);
	raise(sig);
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

static void count_region(const char *name, size_t len)
{
	char buf[sizeof st.regions[0].name];
	size_t k;
	for (k = 0; k < len && k + 1 < sizeof buf; k++)  /* keep "a=1,b=2" parseable */
		buf[k] = strchr(" ,=\t", name[k]) ? '_' : name[k];
	buf[k] = 0;
	int i = 0;
	while (i < st.nregions && strcmp(st.regions[i].name, buf))
		i++;
	if (i == MAX_REGIONS)  /* table full: the last slot collects the rest */
		strcpy(st.regions[--i].name, "other");
	else if (i == st.nregions)
		strcpy(st.regions[st.nregions++].name, buf);
	st.regions[i].count++;
}

/* One line of the log backend: "EVENT args" or "PID@SEC.USEC:EVENT args". */
static void on_line(char *line)
{
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
		return;
	}
	bool write = !strncmp(line, "memory_region_ops_write ", 24);
	if (!write && strncmp(line, "memory_region_ops_read ", 23))
		return;
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
		count_region(n + 7, (size_t)(e - (n + 7)));
	}
	return;
bad:
	st.unparsed++;
}

/* Reads what is there; returns false at end of file. */
static bool read_trace(int fd)
{
	static char buf[65536];
	static size_t len;
	ssize_t r = read(fd, buf + len, sizeof buf - 1 - len);
	if (r < 0)
		return errno == EINTR || errno == EAGAIN;
	if (r == 0)
		return false;
	len += (size_t)r;
	buf[len] = 0;
	char *line = buf, *nl;
	while (!st.done && (nl = strchr(line, '\n'))) {
		*nl = 0;
		on_line(line);
		line = nl + 1;
	}
	len -= (size_t)(line - buf);
	memmove(buf, line, len);
	if (len == sizeof buf - 1) {  /* a line longer than the buffer */
		st.unparsed++;
		len = 0;
	}
	return true;
}

static bool read_err(int fd)
{
	if (errlen > sizeof errtail / 2) {  /* keep the latest half */
		memmove(errtail, errtail + errlen - sizeof errtail / 2, sizeof errtail / 2);
		errlen = sizeof errtail / 2;
	}
	ssize_t r = read(fd, errtail + errlen, sizeof errtail - 1 - errlen);
	if (r < 0)
		return errno == EINTR || errno == EAGAIN;
	errlen += (size_t)(r > 0 ? r : 0);
	errtail[errlen] = 0;
	return r > 0;
}

static void spawn(char **argv, int trace_w, int err_w)
{
	pid_t pid = fork();
	if (pid < 0) {
		perror("access-count: fork");
		exit(1);
	}
	if (pid > 0) {
		child = pid;
		return;
	}
	int null = open("/dev/null", O_RDONLY);
	if (null < 0 || dup2(null, 0) < 0 || dup2(err_w, 1) < 0 || dup2(err_w, 2) < 0 ||
	    dup2(trace_w, TRACE_FD) < 0 || fcntl(TRACE_FD, F_SETFD, 0) < 0)
		_exit(126);  /* fcntl: dup2 onto itself would keep O_CLOEXEC */
	close_range(TRACE_FD + 1, ~0U, 0);
	execvp(argv[0], argv);
	fprintf(stderr, "access-count: cannot run %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

static void print_counts(FILE *f)
{
	fprintf(f, "accesses=%lu reads=%lu writes=%lu first_pc=0x%" PRIx64
		" ports=%lu mmio=%lu ignored_before_start=%lu ignored_non_cpu=%lu"
		" unparsed=%lu\nby_region ", st.reads + st.writes, st.reads, st.writes,
		st.done ? st.first_pc : 0, st.ports, st.mmio, st.before_start, st.non_cpu, st.unparsed);
	bool used[MAX_REGIONS] = { false };
	for (int k = 0; k < st.nregions; k++) {  /* largest first */
		int best = -1;
		for (int i = 0; i < st.nregions; i++)
			if (!used[i] && (best < 0 || st.regions[i].count > st.regions[best].count))
				best = i;
		used[best] = true;
		fprintf(f, "%s%s=%lu", k ? "," : "", st.regions[best].name, st.regions[best].count);
	}
	fputc('\n', f);
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
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

/* Reads QEMU's output until kernel entry, QEMU's exit (log drained) or the
 * deadline. Returns 1 if QEMU was reaped (exit status in *status), 0 if it
 * is still running, -1 on timeout. */
static int watch(int trace_fd, int err_fd, int pidfd, double timeout, int *status)
{
	double deadline = now() + timeout;
	struct pollfd p[3] = { { trace_fd, POLLIN, 0 }, { err_fd, POLLIN, 0 },
			       { pidfd, POLLIN, 0 } };
	while (!st.done && !(p[2].fd < 0 && p[0].fd < 0)) {
		double left = deadline - now();
		if (left <= 0)
			return -1;
		if (poll(p, 3, (int)(left * 1000) + 1) < 0) {
			if (errno == EINTR)
				continue;  /* revents are stale */
			perror("access-count: poll");
			break;
		}
		if (p[0].revents && !read_trace(p[0].fd))
			p[0].fd = -1;
		if (p[1].revents && !read_err(p[1].fd))
			p[1].fd = -1;
		if (p[2].revents && waitpid(child, status, 0) == child) {
			child = 0;  /* reaped: nothing left to kill */
			p[2].fd = -1;
		}
	}
	return p[2].fd < 0;
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

	int tp[2], ep[2], status = 0;
	if (pipe2(tp, O_CLOEXEC) || pipe2(ep, O_CLOEXEC)) {
		perror("access-count: pipe");
		return 1;
	}
	for (int s = 0; s < 3; s++)
		signal((int[]){ SIGINT, SIGTERM, SIGHUP }[s], on_signal);
	spawn(qargv, tp[1], ep[1]);
	close(tp[1]);
	close(ep[1]);
	int pidfd = pidfd_open(child, 0);  /* readable once QEMU has exited */
	int how = pidfd < 0 ? 0 : watch(tp[0], ep[0], pidfd, timeout, &status);
	if (pidfd < 0)
		perror("access-count: pidfd_open");
	if (child > 0) {
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
		child = 0;
	}
	close(tp[0]);
	close(ep[0]);
	if (pidfd >= 0)
		close(pidfd);

	if (st.done) {
		print_counts(stdout);
		return fflush(stdout) ? 1 : 0;
	}
	if (how < 0)
		fprintf(stderr, "access-count: timeout after %g s: no instruction outside the "
			"firmware (last pc 0x%" PRIx64 ")%s\n", timeout, st.last_pc, st.started ? "" :
			"; no exec_tb event seen (needs TCG and QEMU's log trace backend)");
	else if (how > 0 && WIFEXITED(status))
		fprintf(stderr, "access-count: QEMU exited with status %d before any "
			"instruction outside the firmware\n", WEXITSTATUS(status));
	else if (how > 0 && WIFSIGNALED(status))
		fprintf(stderr, "access-count: QEMU killed by signal %d before any "
			"instruction outside the firmware\n", WTERMSIG(status));
	fprintf(stderr, "access-count: counted so far: ");
	print_counts(stderr);
	if (errlen)
		fprintf(stderr, "access-count: QEMU's last output:\n%s%s", errtail,
			errtail[errlen - 1] == '\n' ? "" : "\n");
	return 1;
}
