/* Timelines from QEMU's exec_tb trace; see nopatch.h. */
#include "nopatch.h"

#include "boot-trace.h"
#include "kernel-entry.h"
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
static uint64_t entry[2], start_kernel_at;	/* start_kernel_at 0: no --system-map */
static char **argv_of[2];

int nopatch_parse_exec_tb(const char *line, double *realtime, uint64_t *pc)
{
	const char *at = strchr(line, '@'), *p;
	char *end;

	if (!at || !strstr(line, ":exec_tb ") || !(p = strstr(line, " pc=")))
		return -1;
	*realtime = strtod(at + 1, &end);
	if (end == at + 1 || *end != ':')
		return -1;
	*pc = strtoull(p + 4, &end, 16);
	return end == p + 4 ? -1 : 0;
}

int nopatch_setup(struct session *s)
{
	const char *tmp = getenv("TMPDIR");
	const char *trace[] = { "-trace", "exec_tb", "-msg", "timestamp=on", "-D", log_path, NULL };

	snprintf(log_dir, sizeof(log_dir), "%s/boot-loop.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(log_dir)) {
		fprintf(stderr, "boot-loop: --no-patch: cannot make a directory in %s: %s\n",
			tmp && *tmp ? tmp : "/tmp", strerror(errno));
		log_dir[0] = '\0';
		return -1;
	}
	snprintf(log_path, sizeof(log_path), "%s/exec_tb.log", log_dir);
	/* preflight has checked it; a map changed since then fails here. */
	if (s->cfg->system_map &&
	    kernel_symbol_from_map(s->cfg->system_map, "start_kernel", &start_kernel_at)) {
		fprintf(stderr, "boot-loop: --system-map %s: no start_kernel any more\n",
			s->cfg->system_map);
		return -1;
	}
	for (int v = 0; v < s->n_variants; v++) {
		int first = s->n_arms;

		if (kernel_entry_from_file(s->variants[v].kernel, &entry[v])) {
			fprintf(stderr, "boot-loop: --no-patch: %s: no entry address found (%s; a "
					"bzImage or an ELF vmlinux with a PVH note is needed)\n",
				s->variants[v].kernel, strerror(errno));
			return -1;
		}
		argv_of[v] = qemu_cmd_build(s->cfg, &s->variants[v], &probe);
		if (!argv_of[v] || !(argv_of[v] = qemu_cmd_add(argv_of[v], trace)) ||
		    session_add_arm(s, v, &first_insn, "first_insn") ||
		    session_add_arm(s, v, &kernel_entry, "kernel_entry") ||
		    (start_kernel_at && session_add_arm(s, v, &start_kernel, "start_kernel")) ||
		    session_add_arm(s, v, &probe, "probe"))
			return -1;
		/* The report shows the command that really runs. */
		for (int i = first; i < s->n_arms; i++) {
			free(s->arms[i].command);
			if (!(s->arms[i].command = qemu_cmd_join(argv_of[v])))
				return -1;
		}
	}
	return 0;
}

/*
 * Seconds after fork of the first traced instruction, of the kernel entry
 * and of start_kernel (t[0..2], -1 if not seen); exec_tb's pc is linear,
 * so start_kernel matches its System.map address once paging is on.
 */
static void read_log(double fork_rt, uint64_t want, double t[3])
{
	FILE *f = fopen(log_path, "re");
	char line[512];

	t[0] = t[1] = t[2] = -1;
	while (f && fgets(line, sizeof(line), f)) {
		double rt;
		uint64_t pc;

		if (nopatch_parse_exec_tb(line, &rt, &pc))
			continue;
		if (t[0] < 0)
			t[0] = rt - fork_rt;
		if (t[1] < 0 && pc == want)
			t[1] = rt - fork_rt;
		else if (t[1] >= 0 && start_kernel_at && pc == start_kernel_at)
			t[2] = rt - fork_rt;
		/* The rest of the log is the kernel's. */
		if (t[1] >= 0 && (!start_kernel_at || t[2] >= 0))
			break;
	}
	if (f)
		fclose(f);
}

int nopatch_iteration(struct session *s, struct record *rec, int v, long it)
{
	bool warm = it < 0;
	long line = warm ? it + s->cfg->warmup : it;
	struct launch_result r;
	struct outcome run;
	double t[4];

	unlink(log_path);
	if (runner_launch(s, &s->variants[v], argv_of[v], &probe, &r))
		return -1;
	outcome_classify(&probe, &r, &run);
	record_run(rec, line, warm ? "warmup" : "run", s->variants[v].label, "probe", &run, &r);
	if (r.interrupted) {
		s->interrupted = r.interrupted;
		return 0;
	}
	if (warm)
		return 0;
	/* In the order of the arms: start_kernel only with --system-map. */
	read_log(r.fork_realtime, entry[v], t);
	t[start_kernel_at ? 3 : 2] = r.stop_seen_s;
	for (int i = 0, k = 0; i < s->n_arms; i++) {
		struct arm *a = &s->arms[i];
		struct launch_result at = r;
		struct outcome o = { .exit_code = run.exit_code };

		if (a->variant != v)
			continue;
		at.seconds = at.stop_seen_s = t[k++];
		o.ok = at.seconds >= 0;
		o.value = o.ok ? TRACE_USER_PROBE : 0;	/* no trace value: names come from the arm */
		snprintf(o.reason, sizeof(o.reason), "%s",
			 o.ok ? a->name : !run.ok ? run.reason : "not in the exec_tb log");
		record_run(rec, line, "no-patch", s->variants[v].label, a->name, &o, &at);
		if (session_record(a, it, &o, &at))
			return -1;
	}
	return 0;
}

void nopatch_cleanup(void)
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
