/* Opens each export file, writes it, and checks it reached the disk. */
#include "export.h"

#include <errno.h>
#include <string.h>

static int write_one(const char *opt, const char *path, const struct session *s,
		     const struct analysis *an,
		     void (*fn)(FILE *, const struct session *, const struct analysis *))
{
	FILE *f;
	int err;

	if (!path)
		return 0;
	f = fopen(path, "we");
	if (!f) {
		fprintf(stderr, "boot-loop: %s %s: %s\n", opt, path, strerror(errno));
		return -1;
	}
	fn(f, s, an);
	/* A full disk shows up at the latest when the buffer is flushed. */
	err = ferror(f) ? EIO : 0;
	if (fclose(f) && !err)
		err = errno;
	if (!err)
		return 0;
	fprintf(stderr, "boot-loop: %s %s: %s\n", opt, path, strerror(err));
	return -1;
}

int export_all(const struct session *s, const struct analysis *an)
{
	const struct config *c = s->cfg;
	int rc = 0;

	rc |= write_one("--export-json", c->export_json, s, an, export_json);
	rc |= write_one("--export-csv", c->export_csv, s, an, export_csv);
	rc |= write_one("--export-markdown", c->export_markdown, s, an, export_markdown);
	rc |= write_one("--plot", c->plot, s, an, export_svg);
	return rc;
}
