/* Decodes how a QEMU run ended into a sample or a named failure. */
#include "outcome.h"

#include "boot-trace.h"
#include "trace-names.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

/* QEMU's first line on stderr, as ": LINE", or a pointer to where it shows. */
static const char *qemu_said(const struct launch_result *r, char *buf, size_t len)
{
	size_t n = strcspn(r->exit.first_error, "\n");

	if (!n)
		return "; --show-output shows its output";
	snprintf(buf, len, ": %.*s", (int)n, r->exit.first_error);
	return buf;
}

static void say(struct outcome *o, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(o->reason, sizeof(o->reason), fmt, ap);
	va_end(ap);
}

/* isa-debug-exit: QEMU's status is (value << 1) | 1 (include/boot-trace.h). */
static void first_write(const struct exit_point *p, const struct launch_result *r, int code,
			struct outcome *o)
{
	char said[sizeof(r->exit.first_error) + 2];
	int v = code >> 1;
	const char *name;

	if (code == 0) {
		say(o, "QEMU exited with status 0 (guest shut down) before a write to 0x%x",
		    p->port);
	} else if (code == 1) {
		say(o, "QEMU error (status 1)%s", qemu_said(r, said, sizeof(said)));
	} else if (!(code & 1)) {
		say(o, "QEMU exited with status %d, not a trace status", code);
	} else if ((name = trace_point_name(v))) {
		o->ok = true;
		o->value = v;
		say(o, "%s", name);
	} else if ((name = trace_error_name(v))) {
		say(o, "firmware error 0x%02x %s: %s (status %d)", v, trace_error_id(v), name,
		    code);
	} else {
		say(o, "unknown trace value %d (status %d)", v, code);
	}
}

/* QEMU's first exec_tb line (firstinsn.h): a sample if it came and QEMU was killed then. */
static void first_insn(const struct launch_result *r, int code, struct outcome *o)
{
	char said[sizeof(r->exit.first_error) + 2];

	if (r->log_stopped && r->exit.reaped && WIFEXITED(r->exit.wait_status)) {
		say(o,
		    "QEMU exited by itself (status %d) before boot-loop could stop it at its "
		    "first exec_tb line",
		    code);
	} else if (r->log_stopped) {
		o->ok = true;
		o->value = TRACE_FW_START; /* what first_insn stands in for */
		say(o, "first_insn (exec_tb; QEMU's own stamp %.2f ms)",
		    r->first_insn_stamp_s * 1e3);
	} else if (WIFEXITED(r->exit.wait_status) && code == 1) {
		say(o, "QEMU error (status 1) before its first exec_tb line%s",
		    qemu_said(r, said, sizeof(said)));
	} else if (WIFEXITED(r->exit.wait_status)) {
		say(o, "QEMU exited with status %d before its first exec_tb line (no -D log?)",
		    code);
	}
}

/* isa-debugcon pipes: the run is a sample if the point arrived (QEMU killed then). */
static void watched(const struct exit_point *p, const struct launch_result *r, int code,
		    struct outcome *o)
{
	char at[32], said[sizeof(r->exit.first_error) + 2];

	if (p->port == 0) {
		first_insn(r, code, o);
		return;
	}
	point_format(p, at, sizeof(at));
	if (r->stop_value >= 0 && r->exit.reaped && WIFEXITED(r->exit.wait_status)) {
		/* Our SIGKILL came after QEMU had ended by itself: the time is late. */
		say(o,
		    "QEMU exited by itself (status %d) before boot-loop could stop it at %s "
		    "(boot-loop read the point late: machine overloaded?)",
		    code, at);
	} else if (r->stop_value >= 0 && trace_point_name(r->stop_value)) {
		o->ok = true;
		o->value = r->stop_value;
		say(o, "%s", trace_point_name(r->stop_value));
	} else if (r->stop_value >= 0) {
		say(o, "unknown trace value %d at %s", r->stop_value, at);
	} else if (r->error_value) {
		say(o, "firmware error 0x%02x %s: %s", r->error_value,
		    trace_error_id(r->error_value), trace_error_name(r->error_value));
	} else if (WIFEXITED(r->exit.wait_status) && code == 1) {
		say(o, "QEMU error (status 1) before %s%s", at, qemu_said(r, said, sizeof(said)));
	} else if (WIFEXITED(r->exit.wait_status)) {
		say(o, "QEMU exited with status %d before %s", code, at);
	}
}

void outcome_classify(const struct exit_point *p, const struct launch_result *r, struct outcome *o)
{
	int code = 0;

	*o = (struct outcome){ .exit_code = -1 };
	if (r->exit.spawn_errno) {
		say(o, "cannot start QEMU: %s", strerror(r->exit.spawn_errno));
		return;
	}
	if (r->exit.reaped)
		code = qemu_exit_code(&r->exit);
	o->exit_code = code;
	if (r->exit.interrupted) {
		say(o, "interrupted by SIG%s", sigabbrev_np(r->exit.interrupted));
		return;
	}
	if (r->exit.timed_out && r->stop_value < 0 && !r->error_value && !r->log_stopped) {
		say(o, "timeout: the stop point did not come in time, QEMU killed");
		return;
	}
	if (p->stop == STOP_KILL) {
		watched(p, r, code, o);
		if (o->ok || o->reason[0])
			return;
	} else if (WIFEXITED(r->exit.wait_status)) {
		first_write(p, r, code, o);
		return;
	}
	say(o, "QEMU killed by signal %d (%s)", WTERMSIG(r->exit.wait_status),
	    strsignal(WTERMSIG(r->exit.wait_status)));
}
