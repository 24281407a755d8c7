/* QEMU's end in words; see qemu-exit.h. */
#include "qemu-exit.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

int qemu_exit_code(const struct qemu_exit *e)
{
	if (!e->reaped)
		return -1;
	return WIFEXITED(e->wait_status) ? WEXITSTATUS(e->wait_status)
					 : 128 + WTERMSIG(e->wait_status);
}

void qemu_exit_describe(const struct qemu_exit *e, double timeout_s, char *buf, size_t len)
{
	char said[sizeof(e->first_error)];
	size_t n = strcspn(e->first_error, "\n");

	/* QEMU's own words, when it said any: why it failed, as it put it. */
	snprintf(said, sizeof(said), "%s%.*s", n ? ": " : "", (int)n, e->first_error);
	if (e->spawn_errno)
		snprintf(buf, len, "cannot start QEMU: %s", strerror(e->spawn_errno));
	else if (e->interrupted)
		snprintf(buf, len, "interrupted by SIG%s", sigabbrev_np(e->interrupted));
	else if (e->timed_out)
		snprintf(buf, len, "timeout after %g s, QEMU stopped", timeout_s);
	else if (!e->reaped)
		snprintf(buf, len, "QEMU was not reaped");
	else if (WIFEXITED(e->wait_status))
		snprintf(buf, len, "QEMU exited with status %d%s", WEXITSTATUS(e->wait_status),
			 said);
	else
		snprintf(buf, len, "QEMU killed by signal %d (%s)%s", WTERMSIG(e->wait_status),
			 strsignal(WTERMSIG(e->wait_status)), said);
}
