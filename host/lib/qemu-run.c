/* Spawns, watches and reaps one QEMU process; see qemu-run.h. */
#include "qemu-run.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Our own descriptors stay above this so dup2 to QEMU_CHAN_FD + i hits none. */
#define HIGH_FD 10
/* Poll slots: the channels, then QEMU's stdout and stderr. */
#define OUT_SLOT QEMU_RUN_MAX_CHAN
#define ERR_SLOT (QEMU_RUN_MAX_CHAN + 1)
#define N_SLOTS (QEMU_RUN_MAX_CHAN + 2)

/* Where a run is: running, asked to end (stop_gently), or killed. */
enum { RUNNING, ENDING, KILLED };

static volatile sig_atomic_t stop_signal, stop_count;
static bool initialised;
static sigset_t run_mask; /* the mask to restore in ppoll and in QEMU */
static const int stop_signals[] = { SIGINT, SIGTERM, SIGHUP };

#define N_STOP_SIGNALS (sizeof(stop_signals) / sizeof(stop_signals[0]))

static void on_signal(int sig)
{
	stop_signal = sig;
	stop_count++;
}

/* Only there to make ppoll return when QEMU exits. */
static void on_child(int sig)
{
	(void)sig;
}

/*
 * The signals are blocked except inside ppoll, which unblocks them
 * atomically: a child that exits or a Ctrl-C just before ppoll still ends
 * it at once. SIGCHLD, not a pidfd, so valgrind can run the tools.
 */
int qemu_run_init(void)
{
	struct sigaction sa = { .sa_handler = on_signal }; /* no SA_RESTART: end ppoll */
	struct sigaction sc = { .sa_handler = on_child, .sa_flags = SA_NOCLDSTOP };
	sigset_t block;

	if (initialised)
		return 0;
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	for (size_t i = 0; i < N_STOP_SIGNALS; i++) {
		sigaddset(&block, stop_signals[i]);
		if (sigaction(stop_signals[i], &sa, NULL))
			return -1;
	}
	if (sigaction(SIGCHLD, &sc, NULL) || sigprocmask(SIG_BLOCK, &block, &run_mask))
		return -1;
	/* Even if the tool was started with them blocked, ppoll must wake for them. */
	sigdelset(&run_mask, SIGCHLD);
	for (size_t i = 0; i < N_STOP_SIGNALS; i++)
		sigdelset(&run_mask, stop_signals[i]);
	initialised = true;
	return 0;
}

int qemu_run_stop_requested(void)
{
	sigset_t pending;

	if (stop_signal)
		return stop_signal;
	if (sigpending(&pending) == 0)
		for (size_t i = 0; i < N_STOP_SIGNALS; i++)
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
	int hi = fd < 0 ? -1 : fcntl(fd, F_DUPFD_CLOEXEC, HIGH_FD);

	if (fd >= 0)
		close(fd);
	return hi;
}

/* A pipe (reader p[0]) or a socket pair, both ends high and close-on-exec. */
static int make_chan(int p[2], bool socket)
{
	int rc = socket ? socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, p)
			: pipe2(p, O_CLOEXEC);

	if (rc)
		return p[0] = p[1] = -1;
	p[0] = move_high(p[0]);
	p[1] = move_high(p[1]);
	if (p[0] >= 0 && p[1] >= 0)
		return 0;
	/* One end could not move: close the other too. */
	for (int i = 0; i < 2; i++)
		if (p[i] >= 0)
			close(p[i]);
	return p[0] = p[1] = -1;
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* In the forked child: set up descriptors and exec; reports errno on err_fd. */
static void child(const struct qemu_run_opts *o, pid_t parent, const int *wr, int err_fd)
{
	int null = open("/dev/null", O_RDWR | O_CLOEXEC), e;

	/* Ctrl-C reaches the tool only; it kills QEMU itself. QEMU dies with us. */
	setpgid(0, 0);
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) || getppid() != parent)
		_exit(127);
	sigprocmask(SIG_SETMASK, &run_mask, NULL);
	if (null < 0 || dup2(null, STDIN_FILENO) < 0 ||
	    (!o->show_output &&
	     (dup2(wr[OUT_SLOT], STDOUT_FILENO) < 0 || dup2(wr[ERR_SLOT], STDERR_FILENO) < 0)))
		goto fail;
	for (int i = 0; i < o->n_chan; i++)
		if (dup2(wr[i], QEMU_CHAN_FD + i) < 0)
			goto fail;
	/* Nothing else leaks into QEMU, even descriptors our own parent leaked. */
	if (close_range(QEMU_CHAN_FD + o->n_chan, ~0U, CLOSE_RANGE_CLOEXEC))
		/* Linux before 5.11: mark them one by one (err_fd must live until exec). */
		for (int fd = QEMU_CHAN_FD + o->n_chan; fd < 4096; fd++)
			fcntl(fd, F_SETFD, FD_CLOEXEC);
	execvp(o->argv[0], o->argv);
fail:
	e = errno;
	if (write(err_fd, &e, sizeof(e)) < 0)
		_exit(127);
	_exit(127);
}

/* Reaps QEMU if it has ended: 1 if so, 0 if not yet, -1 on error. */
static int try_reap(pid_t pid, struct qemu_exit *e, double t0)
{
	struct rusage ru;
	pid_t got = wait4(pid, &e->wait_status, WNOHANG, &ru);

	if (got == 0 || (got < 0 && errno == EINTR))
		return 0;
	if (got < 0)
		return -1;
	e->seconds = seconds_on(CLOCK_MONOTONIC) - t0;
	e->reaped = true;
	e->user_s = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6;
	e->sys_s = ru.ru_stime.tv_sec + ru.ru_stime.tv_usec * 1e-6;
	return 1;
}

/*
 * A line QEMU wrote on stderr: the first that is not a warning says why it
 * failed (a warning only if nothing else does). Control characters become
 * blanks, so the line fits in one field of a tab-separated record.
 */
static void keep_stderr(struct qemu_exit *e, const char *buf, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)buf[i];

		if (c != '\n') {
			if (e->err_len_ + 1 < sizeof(e->err_line_))
				e->err_line_[e->err_len_++] = c < 0x20 || c == 0x7f ? ' ' : (char)c;
			continue;
		}
		e->err_line_[e->err_len_] = '\0';
		e->err_len_ = 0;
		if (e->error_final_ || !e->err_line_[0] ||
		    (strstr(e->err_line_, "warning:") && e->first_error[0]))
			continue;
		snprintf(e->first_error, sizeof(e->first_error), "%s", e->err_line_);
		e->error_final_ = !strstr(e->err_line_, "warning:");
	}
}

/* QEMU's own output: the tail of both, and the error line from stderr. */
static void keep_output(struct qemu_exit *e, bool is_err, const char *buf, size_t n)
{
	size_t cap = sizeof(e->tail), len = strlen(e->tail);

	if (is_err)
		keep_stderr(e, buf, n);
	if (n >= cap)
		buf += n - (cap - 1), n = cap - 1;
	if (len + n >= cap) {
		memmove(e->tail, e->tail + len + n - (cap - 1), cap - 1 - n);
		len = cap - 1 - n;
	}
	memcpy(e->tail + len, buf, n);
	e->tail[len + n] = '\0';
}

/* Reads what slot i holds: 1 if it may hold more, 0 at EOF or on error. */
static int take(const struct qemu_run_opts *o, struct qemu_exit *e, struct qemu_run_io *io, int *fd,
		int i, double t0, bool *stop)
{
	unsigned char buf[4096];
	ssize_t n = read(*fd, buf, sizeof(buf));
	double t = seconds_on(CLOCK_MONOTONIC) - t0;

	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return 1;
	if (n <= 0) {
		close_fd(fd);
		if (i < QEMU_RUN_MAX_CHAN)
			io->fd[i] = -1;
		return 0;
	}
	if (i >= QEMU_RUN_MAX_CHAN)
		keep_output(e, i == ERR_SLOT, (const char *)buf, (size_t)n);
	else if (o->on_data && o->on_data(o->ctx, io, i, buf, (size_t)n, t) == QEMU_RUN_STOP)
		*stop = true;
	return 1;
}

/* Ends QEMU now. */
static void end_now(struct qemu_run_io *io, int *phase)
{
	kill(io->pid, SIGKILL);
	*phase = KILLED;
}

/* SIGTERM: QEMU shuts down as on a quit, and its plugins write their results. */
static void end_gently(struct qemu_run_io *io, int *phase, double *deadline)
{
	kill(io->pid, SIGTERM);
	*phase = ENDING;
	*deadline = seconds_on(CLOCK_MONOTONIC) + QEMU_RUN_GRACE_S;
}

/* Waits for exit, data, the deadline or a stop signal; reaps QEMU. */
static int supervise(const struct qemu_run_opts *o, struct qemu_exit *e, struct qemu_run_io *io,
		     int *rd, double t0)
{
	double deadline = t0 + o->timeout_s, drain_end;
	/* A stop signal taken before this run ends it at once. */
	int phase = RUNNING, reaped, signals = stop_signal ? stop_count - 1 : stop_count;
	bool stop = false, any;

	while (!(reaped = try_reap(io->pid, e, t0))) {
		struct pollfd fds[N_SLOTS];
		double left = deadline - seconds_on(CLOCK_MONOTONIC);
		struct timespec ts = { 0, 0 }, *tsp = NULL;
		bool expired, signalled;
		int n;

		for (int i = 0; i < N_SLOTS; i++)
			fds[i] = (struct pollfd){ rd[i], POLLIN, 0 };
		if (phase != KILLED) {
			left = left < 0 ? 0 : left;
			ts.tv_sec = (time_t)left;
			ts.tv_nsec = (long)((left - ts.tv_sec) * 1e9);
			tsp = &ts;
		}
		/* SIGCHLD (QEMU ended) or a stop signal interrupts this. */
		n = ppoll(fds, N_SLOTS, tsp, &run_mask);
		/* Checked whatever ppoll says: a QEMU that never stops writing still times out. */
		expired = phase != KILLED && seconds_on(CLOCK_MONOTONIC) >= deadline;
		signalled = stop_count != signals;
		signals = stop_count;
		if (phase == RUNNING && (signalled || (n < 0 && errno != EINTR) || expired)) {
			/* A signal, a broken poll, or the deadline: end QEMU and reap it. */
			e->interrupted = signalled ? stop_signal : 0;
			e->timed_out = expired && !signalled;
			if (o->stop_gently && n >= 0)
				end_gently(io, &phase, &deadline);
			else
				end_now(io, &phase);
		} else if (phase == ENDING && (signalled || expired)) {
			/* Its grace is over, or the user will not wait. */
			e->interrupted = signalled ? stop_signal : e->interrupted;
			end_now(io, &phase);
		}
		for (int i = 0; n > 0 && i < N_SLOTS; i++) {
			if (!fds[i].revents || rd[i] < 0)
				continue;
			take(o, e, io, &rd[i], i, t0, &stop);
			/* At once, before reading on: the stop's time is what is measured. */
			if (stop && phase == RUNNING) {
				e->stopped = true;
				if (o->stop_gently)
					end_gently(io, &phase, &deadline);
				else
					end_now(io, &phase);
			}
		}
	}
	if (reaped < 0)
		return -1;
	/*
	 * What QEMU wrote just before it ended: its writers are gone, so EOF
	 * comes, unless something QEMU started holds a pipe: then a second is enough.
	 */
	drain_end = seconds_on(CLOCK_MONOTONIC) + 1;
	do {
		any = false;
		for (int i = 0; i < N_SLOTS; i++) {
			struct pollfd p = { rd[i], POLLIN, 0 };

			if (rd[i] >= 0 && poll(&p, 1, 0) > 0)
				any |= take(o, e, io, &rd[i], i, t0, &stop) > 0;
		}
	} while (any && seconds_on(CLOCK_MONOTONIC) < drain_end);
	return 0;
}

int qemu_run(const struct qemu_run_opts *o, struct qemu_exit *e)
{
	int err_pipe[2] = { -1, -1 }, rd[N_SLOTS], wr[N_SLOTS], child_errno = 0, rc = -1;
	struct qemu_run_io io = { .pid = -1 };
	pid_t self = getpid();
	double t0;
	ssize_t n;

	*e = (struct qemu_exit){ 0 };
	for (int i = 0; i < N_SLOTS; i++)
		rd[i] = wr[i] = -1;
	if (o->n_chan < 0 || o->n_chan > QEMU_RUN_MAX_CHAN) {
		errno = EINVAL;
		return -1;
	}
	if (qemu_run_init() || make_chan(err_pipe, false))
		goto out;
	for (int i = 0; i < N_SLOTS; i++) {
		int p[2];

		if ((i >= o->n_chan && i < QEMU_RUN_MAX_CHAN) ||
		    (i >= QEMU_RUN_MAX_CHAN && o->show_output))
			continue;
		if (make_chan(p, i < QEMU_RUN_MAX_CHAN && (o->socket_mask >> i & 1)))
			goto out;
		rd[i] = p[0];
		wr[i] = p[1];
	}
	for (int i = 0; i < QEMU_RUN_MAX_CHAN; i++)
		io.fd[i] = rd[i];
	e->fork_realtime = seconds_on(CLOCK_REALTIME);
	t0 = e->fork_monotonic = seconds_on(CLOCK_MONOTONIC);
	io.pid = fork();
	if (io.pid == 0)
		child(o, self, wr, err_pipe[1]);
	close_fd(&err_pipe[1]);
	for (int i = 0; i < N_SLOTS; i++)
		close_fd(&wr[i]);
	if (io.pid > 0) {
		/* EOF when exec succeeded (close-on-exec), an errno when it failed. */
		while ((n = read(err_pipe[0], &child_errno, sizeof(child_errno))) < 0 &&
		       errno == EINTR)
			;
		if (n == sizeof(child_errno))
			e->spawn_errno = child_errno ? child_errno : ENOEXEC;
		rc = supervise(o, e, &io, rd, t0);
	}
out:
	n = errno;
	close_fd(&err_pipe[0]);
	close_fd(&err_pipe[1]);
	for (int i = 0; i < N_SLOTS; i++) {
		close_fd(&rd[i]);
		close_fd(&wr[i]);
	}
	errno = (int)n;
	return rc;
}

void qemu_run_send(const struct qemu_run_io *io, int chan, const char *text)
{
	/* A few bytes into an empty socket never block; QEMU gone: no matter. */
	if (chan >= 0 && chan < QEMU_RUN_MAX_CHAN && io->fd[chan] >= 0)
		(void)!send(io->fd[chan], text, strlen(text), MSG_DONTWAIT | MSG_NOSIGNAL);
}
