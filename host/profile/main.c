/*
 * boot-profile: which guest functions take a boot's instructions and when
 * each is first called, from one TCG boot with profile-plugin.so, with no
 * trace file. See boot-profile.1.
 */
#include "boot-trace.h"
#include "boot.h"
#include "kernel-entry.h"
#include "kit-files.h"
#include "output.h"
#include "qemu-cmd.h"
#include "trace-names.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_SYMBOLS 16

struct options {
	const char *until, *out, *plugin, *qemu, *bios, *kernel, *initrd, *append, *machine;
	const char *symbols[MAX_SYMBOLS];
	int n_symbols;
	long top;
	double timeout;
	bool icount, show_output;
	char **extra;
	int n_extra;
};

static const char usage[] =
	"Usage: boot-profile [--until=jump|probe] [--symbols=FILE]... [-o DIR] [--top=N]\n"
	"                    [--icount] [--qemu=PATH] [--bios=FILE] [--kernel=FILE]\n"
	"                    [--initrd=FILE] [--append=TEXT] [--machine=pc|q35|microvm]\n"
	"                    [--timeout=SEC] [--plugin=SO] [--show-output] [-- QEMU-ARGS...]\n"
	"Boots once under TCG with a profiling plugin and says which guest functions ran\n"
	"the boot's instructions and when each was first called. Writes DIR/STAMP/\n"
	"{summary.txt,timeline.txt,profile.json,blocks.txt} and DIR/latest.\n";

static int die(const char *fmt, const char *arg)
{
	fprintf(stderr, "boot-profile: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n");
	return 2;
}

static int parse(int argc, char **argv, struct options *o)
{
	static const struct option opts[] = {
		{ "until", 1, 0, 'u' },       { "symbols", 1, 0, 's' }, { "top", 1, 0, 'n' },
		{ "icount", 0, 0, 'i' },      { "qemu", 1, 0, 'q' },    { "bios", 1, 0, 'b' },
		{ "kernel", 1, 0, 'k' },      { "initrd", 1, 0, 'r' },  { "append", 1, 0, 'a' },
		{ "machine", 1, 0, 'm' },     { "timeout", 1, 0, 't' }, { "plugin", 1, 0, 'p' },
		{ "show-output", 0, 0, 'S' }, { "help", 0, 0, 'h' },    { 0, 0, 0, 0 }
	};
	int c;
	char *end;

	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'u':
			o->until = optarg;
			break;
		case 's':
			if (o->n_symbols == MAX_SYMBOLS)
				return die("at most 16 --symbols%s", "");
			o->symbols[o->n_symbols++] = optarg;
			break;
		case 'n':
			o->top = strtol(optarg, &end, 10);
			if (*end || o->top < 1 || o->top > 100000)
				return die("--top: '%s' is not a count from 1 to 100000", optarg);
			break;
		case 'i':
			o->icount = true;
			break;
		case 'q':
			o->qemu = optarg;
			break;
		case 'b':
			o->bios = optarg;
			break;
		case 'k':
			o->kernel = optarg;
			break;
		case 'r':
			o->initrd = optarg;
			break;
		case 'a':
			o->append = optarg;
			break;
		case 'm':
			o->machine = optarg;
			break;
		case 't':
			o->timeout = strtod(optarg, &end);
			if (*end || !(o->timeout > 0 && o->timeout <= 86400))
				return die("--timeout: '%s' is not a number of seconds in (0, 86400]",
					   optarg);
			break;
		case 'p':
			o->plugin = optarg;
			break;
		case 'S':
			o->show_output = true;
			break;
		case 'o':
			o->out = optarg;
			break;
		case 'h':
			fputs(usage, stdout);
			exit(0);
		default:
			return die("%sTry 'boot-profile --help'.", "");
		}
	}
	if (strcmp(o->until, "jump") && strcmp(o->until, "probe"))
		return die("--until: '%s' is not jump or probe", o->until);
	if (strcmp(o->machine, "pc") && strcmp(o->machine, "q35") && strcmp(o->machine, "microvm"))
		return die("--machine: '%s' is not pc, q35 or microvm", o->machine);
	o->extra = argv + optind;
	o->n_extra = argc - optind;
	return 0;
}

/* A default from the kit's files; said when missing. */
static const char *kit(const char *dir, const char *given, const char *rel, char **keep)
{
	if (given)
		return given;
	*keep = kit_file(dir, rel);
	return *keep;
}

static int readable(const char *what, const char *path)
{
	if (path && access(path, R_OK) == 0)
		return 0;
	fprintf(stderr, "boot-profile: %s %s: %s (make demo builds the defaults)\n", what,
		path ? path : "?", strerror(errno));
	return -1;
}

/*
 * The symbols after the run: the running kernel's from the probe, then
 * --symbols, else the firmware's ELF beside the firmware and the System.map
 * beside the kernel (the probe's own ELF is in already: probe_mark).
 */
static void load_symbols(struct symbols *syms, const struct options *o, const char *bios,
			 const char *kernel, struct boot_result *r)
{
	char guess[2][4096];
	const char *slash = strrchr(kernel, '/');
	int n = 0;

	if (r->symbols_len && symbols_load_buffer(syms, r->symbols, r->symbols_len, "kernel"))
		fprintf(stderr, "boot-profile: warning: the probe's symbols hold no text symbol\n");
	for (int i = 0; i < o->n_symbols; i++)
		if (symbols_load(syms, o->symbols[i]))
			fprintf(stderr, "boot-profile: warning: --symbols %s: %s\n", o->symbols[i],
				errno == ENOEXEC ? "no function symbols in it" : strerror(errno));
	if (!o->n_symbols && strlen(bios) > 4 && !strcmp(bios + strlen(bios) - 4, ".bin"))
		snprintf(guess[n++], sizeof(guess[0]), "%.*s.elf", (int)strlen(bios) - 4, bios);
	if (!o->n_symbols && !r->symbols_done)
		snprintf(guess[n++], sizeof(guess[0]), "%.*sSystem.map",
			 slash ? (int)(slash - kernel + 1) : 0, kernel);
	for (int i = 0; i < n; i++)
		if (access(guess[i], R_OK) == 0 && symbols_load(syms, guess[i]))
			fprintf(stderr, "boot-profile: note: %s holds no function symbols%s\n",
				guess[i],
				strstr(guess[i], "System.map") ? " (Debian's is a stub)" : "");
}

/*
 * Adds the probe's ELF to the symbols (user space's first code) and returns
 * where it marks user space, its probe_reached(); 0 if unknown.
 */
static uint64_t probe_mark(struct symbols *syms, const char *probe)
{
	if (!probe || symbols_load(syms, probe))
		return 0;
	for (size_t i = 0; i < syms->n; i++)
		if (!strcmp(syms->s[i].name, "probe_reached") &&
		    !strcmp(syms->s[i].module, "probe"))
			return syms->s[i].addr;
	return 0;
}

/* DIR/STAMP, made, and DIR/latest pointing at it. */
static char *make_out_dir(const char *dir)
{
	char stamp[32], *path = NULL, *latest = NULL;
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S", &tm);
	if (asprintf(&path, "%s/%s", dir, stamp) < 0 || asprintf(&latest, "%s/latest", dir) < 0)
		return NULL;
	mkdir(dir, 0755);
	if (mkdir(path, 0755) && errno != EEXIST) {
		fprintf(stderr, "boot-profile: -o %s: %s\n", path, strerror(errno));
		free(path), free(latest);
		return NULL;
	}
	unlink(latest);
	if (symlink(stamp, latest))
		fprintf(stderr, "boot-profile: warning: %s: %s\n", latest, strerror(errno));
	free(latest);
	return path;
}

static FILE *open_in(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (!(f = fopen(path, "w")))
		fprintf(stderr, "boot-profile: %s: %s\n", path, strerror(errno));
	return f;
}

static char **command(const struct options *o, const struct qemu_boot *b, const char *plugin_arg)
{
	struct qemu_argv a = { 0 };

	qemu_cmd_boot(&a, b);
	qemu_argv_push(&a, "-plugin");
	qemu_argv_push(&a, "%s", plugin_arg);
	if (o->icount) {
		qemu_argv_push(&a, "-icount");
		qemu_argv_push(&a, "shift=0,sleep=off");
	}
	/* Channels 0, 1, 2 (boot.h). */
	qemu_cmd_debugcon(&a, "bootprofile_trace", 0, TRACE_PORT_FW);
	qemu_cmd_debugcon(&a, "bootprofile_trace", 1, TRACE_PORT_LINUX);
	qemu_cmd_debugcon(&a, "bootprofile_trace", 2, TRACE_PORT_SYMBOLS);
	for (int i = 0; i < o->n_extra; i++)
		qemu_argv_push(&a, "%s", o->extra[i]);
	return qemu_argv_finish(&a);
}

/* Writes the outputs into dir and the summary on stdout. */
static int write_outputs(const char *dir, const struct profile *p, const struct boot_result *r,
			 const char *cmd, long top)
{
	struct placed_point pts[BOOT_MAX_POINTS];
	int n = output_points(p, r, pts);
	size_t *order = profile_first_calls(p);
	FILE *s = open_in(dir, "summary.txt"), *t = open_in(dir, "timeline.txt");
	FILE *j = open_in(dir, "profile.json");
	int rc = order && s && t && j ? 0 : -1;

	if (!rc) {
		output_top(s, p, (size_t)top);
		output_top(stdout, p, (size_t)top);
		output_timeline(t, p, order, pts, n);
		output_json(j, p, order, pts, n, cmd);
	}
	if ((s && fclose(s)) || (t && fclose(t)) || (j && fclose(j)))
		rc = -1;
	free(order);
	return rc;
}

int main(int argc, char **argv)
{
	struct options o = {
		.until = "probe", .out = NULL, .top = 25, .timeout = 300, .machine = "pc"
	};
	char *keep[8] = { 0 }, *dir = kit_data_dir(), *out_dir = NULL, plugin_arg[8192], why[400];
	struct symbols syms = { 0 };
	struct profile prof = { 0 };
	struct boot_result run = { 0 };
	struct qemu_boot b = { .accel = "tcg" };
	char **qargv = NULL, *cmd = NULL, table[4096];
	uint64_t entry = 0, mark = 0;
	const char *probe = NULL;
	bool symbols;
	long bad_line;
	int status = 1;

	if (parse(argc, argv, &o))
		return 2;
	b.machine = o.machine;
	b.qemu = o.qemu ? o.qemu : "qemu-system-x86_64";
	b.bios = kit(dir, o.bios, "bios.bin", &keep[0]);
	b.kernel = kit(dir, o.kernel, "kernel-debian/vmlinuz", &keep[1]);
	b.initrd = o.initrd ? (*o.initrd ? o.initrd : NULL)
			    : (keep[2] = kit_file(dir, "guest/initramfs.cpio.gz"));
	b.append = keep[3] = qemu_cmd_append(o.machine, o.append);
	/*
	 * The kit's initramfs: its probe sends the running kernel's symbols
	 * (bootkit.symbols), and the table ends where the probe's
	 * probe_reached() begins, before it sends them.
	 */
	symbols = !strcmp(o.until, "probe") && !o.initrd;
	if (symbols) {
		probe = keep[6] = kit_file(dir, "guest/probe");
		mark = probe_mark(&syms, probe);
		if (asprintf(&keep[7], "%s bootkit.symbols", b.append) < 0)
			goto out;
		b.append = keep[7];
	}
	o.plugin = kit(dir, o.plugin, "host/profile-plugin.so", &keep[4]);
	o.out = kit(dir, o.out, "profile", &keep[5]);
	if (readable("firmware", b.bios) || readable("kernel", b.kernel) ||
	    (b.initrd && readable("initramfs", b.initrd)) || readable("plugin", o.plugin))
		goto out;
	if (!strcmp(o.until, "jump") && kernel_entry_from_file(b.kernel, &entry)) {
		fprintf(stderr, "boot-profile: --until=jump: %s: no kernel entry found\n",
			b.kernel);
		goto out;
	}
	if (!(out_dir = make_out_dir(o.out)))
		goto out;
	snprintf(table, sizeof(table), "%s/blocks.txt", out_dir);
	snprintf(plugin_arg, sizeof(plugin_arg), "%s,out=%s", o.plugin, table);
	if (entry || mark)
		snprintf(plugin_arg + strlen(plugin_arg), sizeof(plugin_arg) - strlen(plugin_arg),
			 ",stop=0x%llx", (unsigned long long)(entry ? entry : mark));
	if (!(qargv = command(&o, &b, plugin_arg)) || !(cmd = qemu_cmd_join(qargv)))
		goto out;
	fprintf(stderr, "boot-profile: %s\n", cmd);
	if (boot_run(qargv, TRACE_PORT_LINUX, strcmp(o.until, "jump") ? TRACE_USER_PROBE : -1,
		     symbols, o.timeout, o.show_output, &run)) {
		perror("boot-profile: cannot run QEMU");
		goto out;
	}
	if (run.error_value) {
		fprintf(stderr, "boot-profile: firmware error 0x%02x %s: %s\n", run.error_value,
			trace_error_id(run.error_value), trace_error_name(run.error_value));
	} else if (run.reached && symbols && !run.symbols_done) {
		qemu_exit_describe(&run.exit, o.timeout, why, sizeof(why));
		fprintf(stderr,
			"boot-profile: warning: the probe's symbols did not all come (%zu bytes; "
			"%s): kernel functions may go unnamed\n",
			run.symbols_len, why);
	} else if (!run.reached) {
		qemu_exit_describe(&run.exit, o.timeout, why, sizeof(why));
		fprintf(stderr, "boot-profile: the boot did not reach --until=%s: %s\n", o.until,
			why);
	}
	if (profile_read(table, &prof, &bad_line)) {
		if (errno == EINVAL)
			fprintf(stderr, "boot-profile: %s: not the plugin's table (line %ld)\n",
				table, bad_line);
		else
			fprintf(stderr,
				"boot-profile: %s: %s (QEMU ended before the plugin wrote it)\n",
				table, strerror(errno));
		goto out;
	}
	load_symbols(&syms, &o, b.bios, b.kernel, &run);
	if (profile_attribute(&prof, &syms) || write_outputs(out_dir, &prof, &run, cmd, o.top))
		goto out;
	printf("boot-profile: %s (summary.txt, timeline.txt, profile.json)\n", out_dir);
	status = run.reached ? 0 : 1;
out:
	for (size_t i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		free(keep[i]);
	free(dir), free(out_dir), free(cmd);
	qemu_cmd_free(qargv);
	symbols_free(&syms);
	profile_free(&prof);
	free(run.symbols);
	return status;
}
