/*
 * --no-patch: times for firmwares without trace points (Debian's qboot.rom,
 * SeaBIOS), under TCG. QEMU logs `-trace exec_tb` with `-msg timestamp=on`
 * to a file, whose first line is the first guest instruction (the reset
 * vector) and whose first line at the kernel's entry address (kernel-entry.h)
 * is the jump; the user-space probe still ends the run (0xf4 value 8, by
 * kill). A file, not a pipe: the whole boot is traced, and reading it as it
 * comes would slow QEMU down. See mode.h.
 */
#include "mode.h"

#include "boot-trace.h"
#include "kernel-entry.h"
#include "qemu-log.h"
#include "runner.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Port 0 marks points that come from the trace log, not a trace port. */
static const struct exit_point first_insn = { 0, 1, STOP_KILL };
static const struct exit_point kernel_entry = { 0, 2, STOP_KILL };
static const struct exit_point start_kernel = { 0, 3, STOP_KILL };
static const struct exit_point probe = { TRACE_PORT_LINUX, TRACE_USER_PROBE, STOP_KILL };

static char log_dir[PATH_MAX - 32], log_path[PATH_MAX];
static uint64_t entry[2], start_kernel_at; /* start_kernel_at 0: no --system-map */
static char **argv_of[2];

/* Finds each variant's kernel entry and adds the arms. */
static int nopatch_setup(struct session *s, struct record *rec)
{
	const char *tmp = getenv("TMPDIR");
	const char *trace[] = { "-trace", "exec_tb", "-msg", "timestamp=on", "-D", log_path, NULL };

	(void)rec;
	snprintf(log_dir, sizeof(log_dir), "%s/boot-loop.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(log_dir)) {
		log_dir[0] = '\0';
		return session_fail(s,
				    "--no-patch: cannot make a directory for QEMU's log in %s: %s",
				    tmp && *tmp ? tmp : "/tmp", strerror(errno));
	}
	snprintf(log_path, sizeof(log_path), "%s/exec_tb.log", log_dir);
	/* preflight has checked it; a map changed since then fails here. */
	if (s->cfg->system_map &&
	    kernel_symbol_from_map(s->cfg->system_map, "start_kernel", &start_kernel_at))
		return session_fail(s, "--system-map %s: no start_kernel any more",
				    s->cfg->system_map);
	for (int v = 0; v < s->n_variants; v++) {
		int first = s->n_arms;

		if (kernel_entry_from_file(s->variants[v].boot.kernel, &entry[v]))
			return session_fail(s,
					    "--no-patch: %s: no entry address found (%s; a bzImage "
					    "or an ELF vmlinux with a PVH note is needed)",
					    s->variants[v].boot.kernel, strerror(errno));
		argv_of[v] = command_build(s->cfg, &s->variants[v], &probe);
		if (!argv_of[v] || !(argv_of[v] = qemu_cmd_add(argv_of[v], trace)))
			return session_fail(s, "out of memory");
		if (session_add_arm(s, v, &first_insn, "first_insn") ||
		    session_add_arm(s, v, &kernel_entry, "kernel_entry") ||
		    (start_kernel_at && session_add_arm(s, v, &start_kernel, "start_kernel")) ||
		    session_add_arm(s, v, &probe, "probe"))
			return -1;
		/* The report shows the command that really runs. */
		for (int i = first; i < s->n_arms; i++) {
			free(s->arms[i].command);
			if (!(s->arms[i].command = qemu_cmd_join(argv_of[v])))
				return session_fail(s, "out of memory");
		}
	}
	return 0;
}

struct log_scan {
	double fork_rt;
	uint64_t entry;
	double t[3]; /* first instruction, kernel entry, start_kernel; -1: not seen */
};

/*
 * One exec_tb line: exec_tb's pc is linear, so start_kernel matches its
 * System.map address once paging is on. True once the rest is the kernel's.
 */
static bool scan_line(void *ctx, const char *line)
{
	struct log_scan *l = ctx;
	struct qemu_log_event e;

	if (qemu_log_parse(line, &e) || e.kind != QLOG_EXEC_TB || !e.stamped)
		return false;
	if (l->t[0] < 0)
		l->t[0] = e.realtime - l->fork_rt;
	if (l->t[1] < 0 && e.pc == l->entry)
		l->t[1] = e.realtime - l->fork_rt;
	else if (l->t[1] >= 0 && start_kernel_at && e.pc == start_kernel_at)
		l->t[2] = e.realtime - l->fork_rt;
	return l->t[1] >= 0 && (!start_kernel_at || l->t[2] >= 0);
}

/* One run of variant v; its arms get their times or a failure. */
static int nopatch_iteration(struct session *s, struct record *rec, int v, long it)
{
	bool warm = it < 0;
	long line = warm ? it + s->cfg->warmup : it;
	struct launch_result r;
	struct outcome run;
	struct log_scan scan = { .entry = entry[v], .t = { -1, -1, -1 } };
	double t[4];

	unlink(log_path);
	if (runner_run(s, rec, v, argv_of[v], &probe, warm ? "warmup" : "run", "probe", line, &r,
		       &run))
		return -1;
	if (r.exit.interrupted || warm)
		return 0;
	/* In the order of the arms: start_kernel only with --system-map. A log
	 * QEMU never wrote (it failed first) leaves every point unseen. */
	scan.fork_rt = r.exit.fork_realtime;
	qemu_log_read_file(log_path, scan_line, &scan);
	memcpy(t, scan.t, sizeof(scan.t));
	t[start_kernel_at ? 3 : 2] = r.stop_seen_s;
	for (int i = 0, k = 0; i < s->n_arms; i++) {
		struct arm *a = &s->arms[i];
		struct launch_result at = r;
		struct outcome o = { .exit_code = run.exit_code };

		if (a->variant != v)
			continue;
		at.exit.seconds = at.stop_seen_s = t[k++];
		o.ok = at.exit.seconds >= 0;
		o.value = o.ok ? TRACE_USER_PROBE : 0; /* no trace value: names come from the arm */
		snprintf(o.reason, sizeof(o.reason), "%s",
			 o.ok      ? a->name
			 : !run.ok ? run.reason
				   : "not in the exec_tb log");
		record_run(rec, line, "no-patch", s->variants[v].label, a->name, &o, &at);
		if (session_record(a, it, &o, &at))
			return session_fail(s, "out of memory");
	}
	return 0;
}

/* Removes the trace log. */
static void nopatch_cleanup(void)
{
	for (int v = 0; v < 2; v++) {
		qemu_cmd_free(argv_of[v]);
		argv_of[v] = NULL;
	}
	if (!log_dir[0])
		return;
	unlink(log_path);
	rmdir(log_dir);
	log_dir[0] = '\0';
}

const struct mode mode_nopatch = { "no-patch", nopatch_setup, nopatch_iteration, nopatch_cleanup,
				   true };
