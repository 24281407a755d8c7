/* Parses boot-loop's options into a struct config; never exits itself. */
#include "args.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum opt_id {
	O_EXIT,
	O_PHASES,
	O_TIMELINE,
	O_NOPATCH,
	O_COMPARE,
	O_ITER,
	O_WARMUP,
	O_TIMEOUT,
	O_QEMU,
	O_BIOS,
	O_KERNEL,
	O_INITRD,
	O_APPEND,
	O_MACHINE,
	O_ACCEL,
	O_SHOW,
	O_JSON,
	O_CSV,
	O_MD,
	O_PLOT,
	O_OUTPUT,
	O_FWSTART,
	O_TLSRC,
	O_SYSMAP,
	O_HELP,
};

struct opt {
	const char *name;
	enum opt_id id;
	bool takes_value;
};

static const struct opt opts[] = {
	{ "exit", O_EXIT, true },          { "phases", O_PHASES, false },
	{ "timeline", O_TIMELINE, false }, { "no-patch", O_NOPATCH, false },
	{ "compare", O_COMPARE, false },   { "iterations", O_ITER, true },
	{ "warmup", O_WARMUP, true },      { "timeout", O_TIMEOUT, true },
	{ "qemu", O_QEMU, true },          { "bios", O_BIOS, true },
	{ "kernel", O_KERNEL, true },      { "initrd", O_INITRD, true },
	{ "append", O_APPEND, true },      { "machine", O_MACHINE, true },
	{ "accel", O_ACCEL, true },        { "show-output", O_SHOW, false },
	{ "export-json", O_JSON, true },   { "export-csv", O_CSV, true },
	{ "export-markdown", O_MD, true }, { "plot", O_PLOT, true },
	{ "output", O_OUTPUT, true },      { "help", O_HELP, false },
	{ "fw-start", O_FWSTART, true },   { "timeline-source", O_TLSRC, true },
	{ "system-map", O_SYSMAP, true },
};

int fail(char *err, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, len, fmt, ap);
	va_end(ap);
	return -1;
}

static int parse_long(const char *s, long min, long *out)
{
	char *end;
	long v;

	if (*s == '\0' || *s == ' ' || *s == '+')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || v < min)
		return -1;
	*out = v;
	return 0;
}

/* Up to two of a file option: the second only makes sense with --compare. */
static int add_file(const char **slot, int *n, const char *opt, const char *v, char *err,
		    size_t len)
{
	if (*v == '\0')
		return fail(err, len, "--%s needs a file name", opt);
	if (*n == 2)
		return fail(err, len, "--%s given more than twice; --compare takes two", opt);
	slot[(*n)++] = v;
	return 0;
}

/* One way of measuring per invocation. */
static int set_mode(struct config *c, enum run_mode m, char *err, size_t len)
{
	if (c->mode != MODE_NONE && c->mode != m)
		return fail(err, len,
			    "--exit, --phases, --timeline and --no-patch exclude each other");
	c->mode = m;
	return 0;
}

static int apply(struct config *c, enum opt_id id, const char *name, const char *v, char *err,
		 size_t len)
{
	char *end;

	switch (id) {
	case O_EXIT:
		if (point_parse(v, &c->exit))
			return fail(err, len,
				    "--exit: '%s' is not PORT or PORT:VALUE (port 1..0xffff, value 1..255)",
				    v);
		return set_mode(c, MODE_EXIT, err, len);
	case O_PHASES:
		return set_mode(c, MODE_PHASES, err, len);
	case O_TIMELINE:
		return set_mode(c, MODE_TIMELINE, err, len);
	case O_NOPATCH:
		return set_mode(c, MODE_NOPATCH, err, len);
	case O_COMPARE:
		c->compare = true;
		return 0;
	case O_ITER:
		if (parse_long(v, 1, &c->iterations))
			return fail(err, len,
				    "--iterations: '%s' is not a whole number of at least 1", v);
		return 0;
	case O_WARMUP:
		if (parse_long(v, 0, &c->warmup))
			return fail(err, len, "--warmup: '%s' is not a whole number of at least 0",
				    v);
		return 0;
	case O_TIMEOUT:
		errno = 0;
		c->timeout_s = strtod(v, &end);
		if (errno || end == v || *end || !isfinite(c->timeout_s) || c->timeout_s <= 0 ||
		    c->timeout_s > 86400)
			return fail(err, len,
				    "--timeout: '%s' is not a number of seconds in (0, 86400]", v);
		return 0;
	case O_QEMU:
		return add_file(c->qemu, &c->n_qemu, name, v, err, len);
	case O_BIOS:
		return add_file(c->bios, &c->n_bios, name, v, err, len);
	case O_KERNEL:
		/* "--kernel=": no kernel at all, for firmwares that boot none (delay-fw). */
		if (*v == '\0' && c->n_kernel < 2) {
			c->kernel[c->n_kernel++] = v;
			return 0;
		}
		return add_file(c->kernel, &c->n_kernel, name, v, err, len);
	case O_INITRD:
		c->initrd = v;
		return 0;
	case O_APPEND:
		c->append = v;
		return 0;
	case O_MACHINE:
		if (strcmp(v, "pc") && strcmp(v, "q35") && strcmp(v, "microvm"))
			return fail(err, len, "--machine: '%s' is not one of pc, q35, microvm", v);
		c->machine = v;
		return 0;
	case O_ACCEL:
		if (strcmp(v, "tcg") && strcmp(v, "kvm"))
			return fail(err, len, "--accel: '%s' is not one of tcg, kvm", v);
		c->accel = v;
		return 0;
	case O_SHOW:
		c->show_output = true;
		return 0;
	case O_JSON:
		c->export_json = v;
		break;
	case O_CSV:
		c->export_csv = v;
		break;
	case O_MD:
		c->export_markdown = v;
		break;
	case O_PLOT:
		c->plot = v;
		break;
	case O_OUTPUT:
		c->output = v;
		break;
	case O_FWSTART:
		if (!strcmp(v, "auto"))
			c->fw_start = FWSTART_AUTO;
		else if (!strcmp(v, "port"))
			c->fw_start = FWSTART_PORT;
		else if (!strcmp(v, "exec_tb"))
			c->fw_start = FWSTART_EXEC_TB;
		else
			return fail(err, len, "--fw-start: '%s' is not one of auto, port, exec_tb",
				    v);
		return 0;
	case O_TLSRC:
		if (strcmp(v, "debugcon") && strcmp(v, "qemu-trace"))
			return fail(err, len,
				    "--timeline-source: '%s' is not one of debugcon, qemu-trace",
				    v);
		c->qemu_trace = !strcmp(v, "qemu-trace");
		return 0;
	case O_SYSMAP:
		c->system_map = v;
		break;
	case O_HELP:
		c->help = true;
		return 0;
	}
	if (*v == '\0')
		return fail(err, len, "--%s needs a file name", name);
	return 0;
}

/* After all options: the combinations that cannot work. */
static int check(struct config *c, char *err, size_t len)
{
	int twice = (c->n_qemu == 2) + (c->n_bios == 2) + (c->n_kernel == 2);

	if (c->help)
		return 0;
	if (!c->compare && twice)
		return fail(err, len, "--%s given twice: add --compare to compare two of them",
			    c->n_qemu == 2   ? "qemu"
			    : c->n_bios == 2 ? "bios"
					     : "kernel");
	if (c->compare && twice != 1)
		return fail(err, len,
			    twice ? "--compare varies one thing: give two of only one of "
				    "--bios, --kernel, --qemu"
				  : "--compare needs two --bios, two --kernel or two --qemu");
	if (c->compare)
		c->vary = c->n_qemu == 2 ? VARY_QEMU : c->n_bios == 2 ? VARY_BIOS : VARY_KERNEL;
	if (c->mode == MODE_NONE && c->compare) {
		/* The jump to the kernel covers QEMU and firmware: what A/B runs compare. */
		c->mode = MODE_EXIT;
		point_parse("0xf4", &c->exit);
	}
	/* exec_tb exists only where QEMU translates the guest code itself. */
	if (c->mode == MODE_NOPATCH && !strcmp(c->accel, "kvm"))
		return fail(err, len,
			    "--no-patch reads TCG's exec_tb trace: it cannot run with --accel kvm");
	if (c->fw_start == FWSTART_EXEC_TB && !strcmp(c->accel, "kvm"))
		return fail(
			err, len,
			"--fw-start=exec_tb reads TCG's exec_tb trace: it cannot run with --accel kvm");
	if (c->fw_start != FWSTART_AUTO && c->mode != MODE_PHASES && c->mode != MODE_TIMELINE)
		return fail(err, len, "--fw-start applies to --phases and --timeline only");
	if (c->qemu_trace && c->mode != MODE_TIMELINE)
		return fail(err, len, "--timeline-source applies to --timeline only");
	/* QEMU's log carries the ports' writes, not exec_tb: no first_insn there. */
	if (c->qemu_trace && c->fw_start != FWSTART_AUTO)
		return fail(err, len, "--fw-start cannot go with --timeline-source=qemu-trace");
	if (c->system_map && c->mode != MODE_NOPATCH)
		return fail(err, len, "--system-map applies to --no-patch only");
	for (int i = 0; i < c->n_kernel; i++)
		if (!*c->kernel[i] && c->mode == MODE_NOPATCH)
			return fail(err, len, "--no-patch needs a kernel: its entry ends tFW");
	if (c->n_kernel == 1 && !*c->kernel[0] && c->initrd && *c->initrd)
		return fail(err, len, "--initrd needs a kernel (--kernel= is none)");
	if (c->n_kernel == 1 && !*c->kernel[0] && c->append)
		return fail(err, len, "--append needs a kernel (--kernel= is none)");
	if (c->mode == MODE_NONE)
		return fail(
			err, len,
			"nothing to measure: give --exit=PORT[:VALUE], --phases, --timeline or --compare");
	return 0;
}

int args_parse(int argc, char **argv, struct config *c, char *err, size_t len)
{
	*c = (struct config){
		.iterations = 10, .warmup = 1, .timeout_s = 60, .machine = "pc", .accel = "tcg"
	};
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i], *eq, *value = NULL;
		const struct opt *o = NULL;
		size_t name_len;

		if (strcmp(arg, "--") == 0) {
			c->extra = argv + i + 1;
			c->n_extra = argc - i - 1;
			break;
		}
		if (strcmp(arg, "-h") == 0) {
			c->help = true;
			continue;
		}
		if (strncmp(arg, "--", 2) != 0)
			return fail(err, len,
				    "unexpected argument '%s' (QEMU arguments go after '--')", arg);
		eq = strchr(arg, '=');
		name_len = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);
		for (size_t k = 0; k < sizeof(opts) / sizeof(opts[0]); k++)
			if (strlen(opts[k].name) == name_len &&
			    !strncmp(opts[k].name, arg + 2, name_len))
				o = &opts[k];
		if (!o)
			return fail(err, len, "unknown option '%.*s'", (int)(name_len + 2), arg);
		if (o->takes_value) {
			if (eq)
				value = eq + 1;
			else if (i + 1 < argc)
				value = argv[++i];
			else
				return fail(err, len, "--%s needs a value", o->name);
		} else if (eq) {
			return fail(err, len, "--%s takes no value", o->name);
		}
		if (apply(c, o->id, o->name, value ? value : "", err, len))
			return -1;
	}
	return check(c, err, len);
}
