/* Spawns and reaps one QEMU process; see launch.h. */
#include "launch.h"

#include "qemu-cmd.h"
#include "trace-pipe.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Our own descriptors stay above this so dup2 to QEMU_WATCH_FD hits none. */
#define HIGH_FD 10

static volatile sig_atomic_t stop_signal;
static bool initialised;
static sigset_t run_mask;	/* the mask to restore in ppoll and in QEMU */
static const int stop_signals[] = { SIGINT, SIGTERM, SIGHUP };

static void on_signal(int sig)
{
	stop_signal = sig;
}

/* Only there to make ppoll return when QEMU exits. */
static void on_child(int sig)
{
	(void)sig;
}

/*
 * The signals are blocked except inside ppoll, which unblocks them
 * atomically: a child that exits or a Ctrl-C just before ppoll still ends
 * it at once. SIGCHLD, not a pidfd, so valgrind can run boot-loop.
 */
int launch_init(void)
{
	struct sigaction sa = { .sa_handler = on_signal };	/* no SA_RESTART: end ppoll */
	struct sigaction sc = { .sa_handler = on_child, .sa_flags = SA_NOCLDSTOP };
	sigset_t block;

	if (initialised)
		return 0;
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	for (size_t i = 0; i < sizeof(stop_signals) / sizeof(stop_signals[0]); i++) {
		sigaddset(&block, stop_signals[i]);
		if (sigaction(stop_signals[i], &sa, NULL))
			return -1;
	}
	if (sigaction(SIGCHLD, &sc, NULL) || sigprocmask(SIG_BLOCK, &block, &run_mask))
		return -1;
	initialised = true;
	return 0;
}

int launch_stop_requested(void)
{
	sigset_t pending;

	if (stop_signal)
		return stop_signal;
	if (sigpending(&pending) == 0)
		for (size_t i = 0; i < sizeof(stop_signals) / sizeof(stop_signals[0]); i++)
			if (sigismember(&pending, stop_signals[i]))
				return stop_signals[i];
	return 0;
}

static double seconds_on(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int move_high(int fd)
{
	int hi = fcntl(fd, F_DUPFD_CLOEXEC, HIGH_FD);

	close(fd);
	return hi;
}

static int make_pipe(int p[2])
{
	if (pipe2(p, O_CLOEXEC))
		return -1;
	p[0] = move_high(p[0]);
	p[1] = move_high(p[1]);
	if (p[0] >= 0 && p[1] >= 0)
		return 0;
	if (p[0] >= 0)
		close(p[0]);
	if (p[1] >= 0)
		close(p[1]);
	return -1;
}

/* In the forked child: set up descriptors and exec; reports errno on err_fd. */
static void child(const struct launch_opts *o, pid_t parent, const int *watch_w, int mon,
		  int err_fd)
{
	int null = open("/dev/null", O_RDWR | O_CLOEXEC), e;
	int end = QEMU_WATCH_FD + o->n_watch + (mon >= 0);	/* the first fd QEMU need not have */

	/* Ctrl-C reaches boot-loop only; it kills QEMU itself. QEMU dies with us. */
	setpgid(0, 0);
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) || getppid() != parent)
		_exit(127);
	sigprocmask(SIG_SETMASK, &run_mask, NULL);
	if (null < 0 || dup2(null, STDIN_FILENO) < 0 ||
	    (!o->show_output && (dup2(null, STDOUT_FILENO) < 0 || dup2(null, STDERR_FILENO) < 0)))
		goto fail;
	for (int i = 0; i < o->n_watch; i++)
		if (dup2(watch_w[i], QEMU_WATCH_FD + i) < 0)
			goto fail;
	if (mon >= 0 && dup2(mon, QEMU_WATCH_FD + o->n_watch) < 0)
		goto fail;
	/* Nothing else leaks into QEMU, even descriptors our own parent leaked. */
	close_range(end, ~0U, CLOSE_RANGE_CLOEXEC);
	execvp(o->argv[0], o->argv);
fail:
	e = errno;
	if (write(err_fd, &e, sizeof(e)) < 0)
		_exit(127);
	_exit(127);
}

/* Reaps QEMU if it has ended: 1 if so, 0 if not yet, -1 on error. */
static int try_reap(pid_t pid, struct launch_result *r, double t0)
{
	struct rusage ru;
	pid_t got = wait4(pid, &r->wait_status, WNOHANG, &ru);

	if (got == 0 || (got < 0 && errno == EINTR))
		return 0;
	if (got < 0)
		return -1;
	r->seconds = seconds_on(CLOCK_MONOTONIC) - t0;
	r->reaped = true;
	r->user_s = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6;
	r->sys_s = ru.ru_stime.tv_sec + ru.ru_stime.tv_usec * 1e-6;
	return 1;
}

/* Waits for exit, pipe bytes, the deadline or a stop signal; reaps QEMU. */
static int supervise(const struct launch_opts *o, struct launch_result *r, pid_t pid,
		     const int *watch_r, int mon, double t0)
{
	bool open_[LAUNCH_MAX_WATCH], killed = false, any;
	int reaped;

	for (int i = 0; i < o->n_watch; i++)
		open_[i] = true;
	while (!(reaped = try_reap(pid, r, t0))) {
		struct pollfd fds[LAUNCH_MAX_WATCH];
		double left = t0 + o->timeout_s - seconds_on(CLOCK_MONOTONIC);
		struct timespec ts = { 0, 0 }, *tsp = NULL;
		int n;

		for (int i = 0; i < o->n_watch; i++)
			fds[i] = (struct pollfd){ open_[i] ? watch_r[i] : -1, POLLIN, 0 };
		if (!killed) {
			if (left < 0)
				left = 0;
			ts.tv_sec = (time_t)left;
			ts.tv_nsec = (long)((left - ts.tv_sec) * 1e9);
			tsp = &ts;
		}
		/* SIGCHLD (QEMU ended) or a stop signal interrupts this. */
		n = ppoll(fds, o->n_watch, tsp, &run_mask);
		if (stop_signal && !killed) {
			r->interrupted = stop_signal;
			kill(pid, SIGKILL);
			killed = true;
		}
		if (n < 0 && errno != EINTR) {
			/* Cannot watch QEMU any longer: end it and reap it. */
			kill(pid, SIGKILL);
			killed = true;
		}
		if (n == 0 && !killed) {
			r->timed_out = true;
			kill(pid, SIGKILL);
			killed = true;
		}
		for (int i = 0; n > 0 && i < o->n_watch; i++)
			if (fds[i].revents)
				trace_pipe_read(o, r, i, watch_r[i], t0, pid, mon, &open_[i]);
		if (r->stop_value >= 0 || r->error_value || r->log_stopped)
			killed = true;
	}
	if (reaped < 0)
		return -1;
	/* Bytes QEMU wrote just before it exited by itself. */
	do {
		any = false;
		for (int i = 0; i < o->n_watch; i++) {
			struct pollfd p = { watch_r[i], POLLIN, 0 };

			if (open_[i] && poll(&p, 1, 0) > 0) {
				trace_pipe_read(o, r, i, watch_r[i], t0, pid, mon, &open_[i]);
				any = true;
			}
		}
	} while (any);
	return 0;
}

static void close_all(int *fds, int n)
{
	for (int i = 0; i < n; i++)
		if (fds[i] >= 0) {
			close(fds[i]);
			fds[i] = -1;
		}
}

/* The pipes QEMU writes and, if asked, the monitor socket pair; -1 if any failed. */
static int open_fds(const struct launch_opts *o, int *rd, int *wr, int mon[2])
{
	for (int i = 0; i < o->n_watch; i++)
		rd[i] = wr[i] = -1;
	mon[0] = mon[1] = -1;
	for (int i = 0; i < o->n_watch; i++) {
		int p[2];

		if (make_pipe(p))
			return -1;
		rd[i] = p[0];
		wr[i] = p[1];
	}
	if (o->monitor_cmd) {
		if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, mon))
			return mon[0] = mon[1] = -1;
		mon[0] = move_high(mon[0]);
		mon[1] = move_high(mon[1]);
		if (mon[0] < 0 || mon[1] < 0)
			return -1;
	}
	return 0;
}

int launch_run(const struct launch_opts *o, struct launch_result *r)
{
	int err_pipe[2], rd[LAUNCH_MAX_WATCH], wr[LAUNCH_MAX_WATCH], mon[2], child_errno = 0;
	int rc = -1;
	pid_t self = getpid(), pid = -1;
	double t0;
	ssize_t n;

	*r = (struct launch_result){ .stop_value = -1, .stop_seen_s = -1, .first_insn_s = -1,
				     .first_insn_stamp_s = -1 };
	if (launch_init() || o->n_watch < 0 || o->n_watch > LAUNCH_MAX_WATCH || make_pipe(err_pipe))
		return -1;
	if (open_fds(o, rd, wr, mon))
		goto out;
	r->fork_realtime = seconds_on(CLOCK_REALTIME);
	t0 = seconds_on(CLOCK_MONOTONIC);
	pid = fork();
	if (pid == 0)
		child(o, self, wr, mon[1], err_pipe[1]);
	close_all(&err_pipe[1], 1);
	close_all(wr, o->n_watch);
	close_all(&mon[1], 1);
	if (pid > 0) {
		/* EOF when exec succeeded (close-on-exec), an errno when it failed. */
		while ((n = read(err_pipe[0], &child_errno, sizeof(child_errno))) < 0 &&
		       errno == EINTR)
			;
		if (n == sizeof(child_errno))
			r->spawn_errno = child_errno ? child_errno : ENOEXEC;
		rc = supervise(o, r, pid, rd, mon[0], t0);
	}
out:
	close_all(err_pipe, 2);
	close_all(rd, o->n_watch);
	close_all(wr, o->n_watch);
	close_all(mon, 2);
	return rc;
}

bool launch_log_byte(struct launch_result *r, unsigned char c)
{
	if (c != '\n') {
		if (r->log_len < (int)sizeof(r->log_line) - 1)
			r->log_line[r->log_len++] = (char)c;
		return false;
	}
	r->log_line[r->log_len] = '\0';
	r->log_len = 0;
	return true;
}
