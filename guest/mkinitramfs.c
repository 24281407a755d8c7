/*
 * mkinitramfs: writes an uncompressed newc cpio archive, the kernel's initramfs
 * format (Documentation/driver-api/early-userspace/buffer-format.rst). Device
 * nodes are described, never created, so no root is needed on the host.
 *
 *   mkinitramfs [-o FILE] ENTRY...
 *     dir  PATH MODE
 *     file PATH MODE HOSTFILE
 *     nod  PATH MODE c|b MAJOR MINOR
 *
 * Exit status: 0 ok, 1 I/O error, 2 bad arguments.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define NEWC_MAGIC "070701"
#define NEWC_HDR_LEN 110 /* magic + 13 fields of 8 hex digits */
#define NAME_MAX_LEN 4096

struct entry {
	const char *name; /* without leading '/', as gen_init_cpio writes it */
	uint32_t mode;    /* type and permission bits */
	const char *host; /* regular files: where the data comes from */
	uint32_t rmajor, rminor;
};

static const char *prog = "mkinitramfs";
static const char *out_path;    /* NULL: stdout */
static const char *out_created; /* removed again if writing fails */
static FILE *out;

static void usage(FILE *f)
{
	fprintf(f,
		"usage: %s [-o FILE] ENTRY...\n"
		"  dir  PATH MODE\n"
		"  file PATH MODE HOSTFILE\n"
		"  nod  PATH MODE c|b MAJOR MINOR\n"
		"MODE is octal; the archive goes to FILE or stdout.\n",
		prog);
}

static void bad_args(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", prog);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, " (try %s --help)\n", prog);
	exit(2);
}

/* "mkinitramfs: PATH: WHY", e.g. io_fail(path, strerror(errno)). */
static void io_fail(const char *path, const char *why)
{
	fprintf(stderr, "%s: %s: %s\n", prog, path, why);
	if (out_created)
		remove(out_created);
	exit(1);
}

static unsigned long parse_num(const char *s, int base, unsigned long max, const char *what)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, base);
	if (errno || end == s || *end || s[0] == '-' || v > max)
		bad_args(what, s);
	return v;
}

static const char *archive_name(const char *path)
{
	while (*path == '/')
		path++;
	if (*path == '\0')
		return "."; /* "/" itself */
	if (strlen(path) >= NAME_MAX_LEN)
		bad_args("path too long: %.40s...", path);
	return path;
}

/* Parses one ENTRY at argv[*i], advancing *i past its words. */
static void parse_entry(int argc, char **argv, int *i, struct entry *e)
{
	const char *kind = argv[*i];
	int words = !strcmp(kind, "dir")    ? 3
		    : !strcmp(kind, "file") ? 4
		    : !strcmp(kind, "nod")  ? 6
					    : 0;

	if (!words)
		bad_args("unknown entry type '%s' (want dir, file or nod)", kind);
	if (*i + words > argc)
		bad_args("entry '%s' lacks arguments", kind);
	memset(e, 0, sizeof(*e));
	e->name = archive_name(argv[*i + 1]);
	e->mode = parse_num(argv[*i + 2], 8, 07777, "bad octal MODE '%s'");
	if (!strcmp(kind, "dir")) {
		e->mode |= S_IFDIR;
	} else if (!strcmp(kind, "file")) {
		e->mode |= S_IFREG;
		e->host = argv[*i + 3];
	} else {
		const char *type = argv[*i + 3];

		if (strcmp(type, "c") && strcmp(type, "b"))
			bad_args("device type '%s' is neither c nor b", type);
		e->mode |= type[0] == 'c' ? S_IFCHR : S_IFBLK;
		/* Linux's limits: 12-bit major, 20-bit minor. */
		e->rmajor = parse_num(argv[*i + 4], 10, 4095, "bad MAJOR '%s'");
		e->rminor = parse_num(argv[*i + 5], 10, 0xfffff, "bad MINOR '%s'");
	}
	*i += words;
}

static void put(const void *buf, size_t len)
{
	if (len && fwrite(buf, 1, len, out) != len)
		io_fail(out_path ? out_path : "stdout", strerror(errno));
}

static void pad4(unsigned long len)
{
	static const char zeros[4];

	put(zeros, (4 - len % 4) % 4);
}

/* Header and name; the caller writes filesize bytes of data and pads them. */
static void put_header(uint32_t ino, const struct entry *e, uint32_t filesize)
{
	uint32_t namesize = strlen(e->name) + 1;
	uint32_t nlink = S_ISDIR(e->mode) ? 2 : 1;
	/* mtime 0, uid/gid 0: the archive is reproducible and owned by root. */
	uint32_t field[13] = {
		ino,
		e->mode,
		0 /* uid */,
		0 /* gid */,
		nlink,
		0 /* mtime */,
		filesize,
		0,
		0 /* devmajor/minor: of the file system, unused */,
		e->rmajor,
		e->rminor,
		namesize,
		0 /* check: newc has none */
	};
	char hdr[NEWC_HDR_LEN + 1];
	size_t k;

	memcpy(hdr, NEWC_MAGIC, 6);
	for (k = 0; k < 13; k++)
		snprintf(hdr + 6 + 8 * k, 9, "%08" PRIX32, field[k]);
	put(hdr, NEWC_HDR_LEN);
	put(e->name, namesize);
	pad4(NEWC_HDR_LEN + namesize);
}

static void put_file(unsigned long ino, const struct entry *e)
{
	char buf[65536];
	struct stat st;
	unsigned long done = 0;
	size_t n;
	FILE *in = fopen(e->host, "rb");

	if (!in || fstat(fileno(in), &st) < 0)
		io_fail(e->host, strerror(errno));
	if (!S_ISREG(st.st_mode))
		io_fail(e->host, "not a regular file");
	if ((unsigned long long)st.st_size > 0xffffffffULL)
		io_fail(e->host, "too big for newc (limit 4 GiB)");
	put_header(ino, e, st.st_size);
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0) {
		put(buf, n);
		done += n;
	}
	if (ferror(in))
		io_fail(e->host, strerror(errno));
	fclose(in);
	/* The header already announced st_size bytes. */
	if (done != (unsigned long)st.st_size)
		io_fail(e->host, "size changed while being read");
	pad4(done);
}

int main(int argc, char **argv)
{
	struct entry *entries, trailer = { .name = "TRAILER!!!" };
	int i = 1, count = 0, k;

	if (argc > 1 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		usage(stdout);
		return 0;
	}
	if (argc > 1 && !strcmp(argv[1], "-o")) {
		if (argc < 3 || !argv[2][0])
			bad_args("%s needs a FILE", "-o");
		out_path = argv[2];
		i = 3;
	}
	if (i >= argc)
		bad_args("no ENTRY given%s", "");
	entries = calloc(argc, sizeof(*entries));
	if (!entries) {
		perror(prog);
		return 1;
	}
	/* Check every argument before any output exists. */
	while (i < argc)
		parse_entry(argc, argv, &i, &entries[count++]);

	out = out_path ? fopen(out_path, "wb") : stdout;
	if (!out)
		io_fail(out_path, strerror(errno));
	out_created = out_path;
	/* Inode numbers only need to be distinct; 721 is gen_init_cpio's start. */
	for (k = 0; k < count; k++) {
		if (entries[k].host)
			put_file(721 + k, &entries[k]);
		else
			put_header(721 + k, &entries[k], 0);
	}
	put_header(0, &trailer, 0);
	if (fflush(out) || ferror(out) || (out_path && fclose(out)))
		io_fail(out_path ? out_path : "stdout", strerror(errno));
	free(entries);
	return 0;
}
