/* Resolves defaults and checks files before any QEMU runs; see preflight.h. */
#include "preflight.h"

#include "args.h"
#include "kernel-entry.h"
#include "kit-files.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_QEMU "qemu-system-x86_64"
#define HOW_TO_BUILD "build it with 'make demo'"

static const char *default_file(struct session *s, const char *dir, const char *rel)
{
	return session_own(s, kit_file(dir, rel));
}

/* A given file must be readable; a missing default says how to build it. */
static int check_file(const char *what, const char *opt, const char *path, bool is_default,
		      char *err, size_t len)
{
	if (!path)
		return fail(err, len, "out of memory");
	if (access(path, R_OK) == 0)
		return 0;
	if (is_default)
		return fail(err, len, "%s %s not found (the default; %s, or give %s FILE)", what,
			    path, HOW_TO_BUILD, opt);
	return fail(err, len, "%s %s: %s", opt, path, strerror(errno));
}

/* QEMU as execvp would find it: a path, or a name searched in PATH. */
static const char *find_qemu(struct session *s, const char *name, char *err, size_t len)
{
	char *full = kit_find_program(name);

	if (full)
		return session_own(s, full);
	if (strchr(name, '/'))
		fail(err, len, "QEMU %s: %s", name, strerror(errno));
	else
		fail(err, len,
		     "QEMU not found: no %s in PATH (apt-get install qemu-system-x86, or give "
		     "--qemu PATH)",
		     name);
	return NULL;
}

static int check_dir_writable(const char *opt, const char *file, char *err, size_t len)
{
	char *copy;
	int rc = 0;

	if (!file)
		return 0;
	copy = strdup(file);
	if (!copy)
		return fail(err, len, "out of memory");
	if (access(dirname(copy), W_OK))
		rc = fail(err, len, "--%s %s: cannot write there: %s", opt, file, strerror(errno));
	free(copy);
	return rc;
}

/* KVM only when asked and usable; otherwise TCG, said aloud. */
static const char *pick_accel(struct session *s)
{
	int fd;

	if (strcmp(s->cfg->accel, "kvm"))
		return "tcg";
	fd = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (fd >= 0) {
		close(fd);
		return "kvm";
	}
	snprintf(s->accel_note, sizeof(s->accel_note),
		 "--accel kvm asked, but /dev/kvm cannot be opened (%s): using tcg",
		 strerror(errno));
	return "tcg";
}

int preflight(struct session *s, char *err, size_t len)
{
	const struct config *c = s->cfg;
	const char *dir = session_own(s, kit_data_dir()), *accel = pick_accel(s);
	const char *append = session_own(s, qemu_cmd_append(c->machine, c->append));
	uint64_t sym;

	s->n_variants = c->compare ? 2 : 1;
	for (int i = 0; i < s->n_variants; i++) {
		struct variant *v = &s->variants[i];
		int q = c->n_qemu > i ? i : 0, b = c->n_bios > i ? i : 0,
		    k = c->n_kernel > i ? i : 0;

		v->label = c->compare ? (i ? "B" : "A") : "";
		v->boot.machine = c->machine;
		v->boot.accel = accel;
		v->boot.append = append;
		v->boot.qemu = find_qemu(s, c->n_qemu ? c->qemu[q] : DEFAULT_QEMU, err, len);
		if (!v->boot.qemu)
			return -1;
		v->boot.bios = c->n_bios ? c->bios[b] : default_file(s, dir, "bios.bin");
		if (check_file("firmware", "--bios", v->boot.bios, !c->n_bios, err, len))
			return -1;
		v->boot.kernel = c->n_kernel ? c->kernel[k]
					     : default_file(s, dir, "kernel-debian/vmlinuz");
		/* --kernel= (empty): no -kernel, so no initramfs either. */
		if (v->boot.kernel && !*v->boot.kernel) {
			v->boot.kernel = v->boot.initrd = NULL;
			continue;
		}
		if (check_file("kernel", "--kernel", v->boot.kernel, !c->n_kernel, err, len))
			return -1;
		/* --initrd= (empty) boots without one. */
		v->boot.initrd = !c->initrd   ? default_file(s, dir, "guest/initramfs.cpio.gz")
				 : *c->initrd ? c->initrd
					      : NULL;
		if ((v->boot.initrd || !c->initrd) &&
		    check_file("initramfs", "--initrd", v->boot.initrd, !c->initrd, err, len))
			return -1;
	}
	if (!append)
		return fail(err, len, "out of memory");
	/* Debian's System.map is a stub: say so before any run. */
	if (c->system_map && kernel_symbol_from_map(c->system_map, "start_kernel", &sym))
		return fail(err, len, "--system-map %s: %s", c->system_map,
			    errno == ESRCH ? "no start_kernel (T or t) symbol in it; Debian's "
					     "System.map is a stub, take the kernel build's own"
					   : strerror(errno));
	if (check_dir_writable("output", c->output, err, len) ||
	    check_dir_writable("export-json", c->export_json, err, len) ||
	    check_dir_writable("export-csv", c->export_csv, err, len) ||
	    check_dir_writable("export-markdown", c->export_markdown, err, len) ||
	    check_dir_writable("plot", c->plot, err, len))
		return -1;
	return 0;
}
