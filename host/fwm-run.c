/* QEMU as a child with its log on a pipe; see fwm-run.h. */
#include "fwm-run.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/pidfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile pid_t child;

/* If we are killed, do not leave QEMU running behind us. */
static void on_signal(int sig)
{
	if (child > 0 && kill(child, SIGKILL) == 0)
		waitpid(child, NULL, 0);
	signal(sig, SIG_DFL);
	raise(sig);
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Splits what is there into lines; false at end of file or when fn says stop. */
static bool read_lines(int fd, fwm_line_fn fn, void *ctx, bool *stop)
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
	while (!*stop && (nl = strchr(line, '\n'))) {
		*nl = 0;
		*stop = fn(line, ctx);
		line = nl + 1;
	}
	len -= (size_t)(line - buf);
	memmove(buf, line, len);
	if (len == sizeof buf - 1)  /* a line longer than the buffer: drop it */
		len = 0;
	return !*stop;
}

/* Keeps the latest bytes of QEMU's own output for error messages. */
static bool read_tail(int fd, struct fwm_outcome *out)
{
	size_t cap = sizeof out->tail, len = strlen(out->tail);
	if (len > cap / 2) {
		memmove(out->tail, out->tail + len - cap / 2, cap / 2 + 1);
		len = cap / 2;
	}
	ssize_t r = read(fd, out->tail + len, cap - 1 - len);
	if (r < 0)
		return errno == EINTR || errno == EAGAIN;
	out->tail[len + (size_t)(r > 0 ? r : 0)] = 0;
	return r > 0;
}

/* Messages carry the name of the tool running QEMU (fw-measure, access-count). */
static void fail(const char *what)
{
	fprintf(stderr, "%s: %s: %s\n", program_invocation_short_name, what, strerror(errno));
}

static int spawn(char **argv, int trace_w, int err_w)
{
	pid_t pid = fork();
	if (pid < 0) {
		fail("fork");
		return -1;
	}
	if (pid > 0) {
		child = pid;
		return 0;
	}
	int null = open("/dev/null", O_RDONLY);
	if (null < 0 || dup2(null, 0) < 0 || dup2(err_w, 1) < 0 || dup2(err_w, 2) < 0 ||
	    dup2(trace_w, FWM_TRACE_FD) < 0 || fcntl(FWM_TRACE_FD, F_SETFD, 0) < 0)
		_exit(126);  /* fcntl: a dup2 onto itself would keep O_CLOEXEC */
	close_range(FWM_TRACE_FD + 1, ~0U, 0);
	execvp(argv[0], argv);
	fprintf(stderr, "%s: cannot run %s: %s\n", program_invocation_short_name, argv[0],
		strerror(errno));
	_exit(127);
}

int fwm_run(char **argv, double timeout, fwm_line_fn fn, void *ctx, struct fwm_outcome *out)
{
	int tp[2], ep[2], status = 0;
	memset(out, 0, sizeof *out);
	if (pipe2(tp, O_CLOEXEC) || pipe2(ep, O_CLOEXEC)) {
		fail("pipe");
		return -1;
	}
	for (int s = 0; s < 3; s++)
		signal((int[]){ SIGINT, SIGTERM, SIGHUP }[s], on_signal);
	if (spawn(argv, tp[1], ep[1]) < 0)
		return -1;
	close(tp[1]);
	close(ep[1]);
	int pidfd = pidfd_open(child, 0);  /* readable once QEMU has exited */
	if (pidfd < 0) {
		fail("pidfd_open");
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
		return -1;
	}
	struct pollfd p[3] = { { tp[0], POLLIN, 0 }, { ep[0], POLLIN, 0 }, { pidfd, POLLIN, 0 } };
	double deadline = now() + timeout;
	bool reaped = false;
	/* Until told to stop, or QEMU is gone and its log drained. */
	while (!out->stopped && !(reaped && p[0].fd < 0)) {
		double left = deadline - now();
		if (left <= 0) {
			snprintf(out->what, sizeof out->what, "timeout after %g s", timeout);
			break;
		}
		if (poll(p, 3, (int)(left * 1000) + 1) < 0) {
			if (errno == EINTR)
				continue;
			fail("poll");
			break;
		}
		if (p[0].revents && !read_lines(p[0].fd, fn, ctx, &out->stopped))
			p[0].fd = -1;
		if (p[1].revents && !read_tail(p[1].fd, out))
			p[1].fd = -1;
		if (p[2].revents && waitpid(child, &status, 0) == child) {
			reaped = true;
			child = 0;
			p[2].fd = -1;
		}
	}
	if (!out->stopped && reaped)
		snprintf(out->what, sizeof out->what, WIFEXITED(status) ? "QEMU exited with status %d" :
			 "QEMU killed by signal %d", WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
	if (child > 0) {
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
		child = 0;
	}
	close(tp[0]);
	close(ep[0]);
	close(pidfd);
	return 0;
}
