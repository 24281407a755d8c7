/* Interpreter for QEMU's ACPI linker/loader script. Every name, offset and size
 * comes from outside and is bounds-checked before use. */
#include "acpi_loader.h"

/* Each command returns NULL or why it failed, and what it failed on in
 * *what; acpi_loader_run formats the one error line, so each reason exists
 * once whichever commands share it. A reason that a name follows ends in
 * the space before it. */
#define NOT_TERMINATED "file name not terminated"
#define NOT_ALLOCATED "file not allocated: "
#define NO_FILE "no such fw_cfg file: "
#define PTR_OUTSIDE "pointer outside "
#define NO_FIT "address does not fit the field in "

static const char *const cmd_names[] = {
	[LOADER_CMD_ALLOCATE] = "ALLOCATE: ",
	[LOADER_CMD_ADD_POINTER] = "ADD_POINTER: ",
	[LOADER_CMD_ADD_CHECKSUM] = "ADD_CHECKSUM: ",
	[LOADER_CMD_WRITE_POINTER] = "WRITE_POINTER: ",
};

/* A file name field must hold a NUL inside its 56 bytes. */
static const char *name_at(const uint8_t *cmd, size_t off)
{
	const char *n = (const char *)cmd + off;

	return strnlen(n, LOADER_FILESZ) < LOADER_FILESZ && n[0] ? n : NULL;
}

static struct acpi_blob *find_blob(struct acpi_loader *ld, const char *name)
{
	for (uint32_t i = 0; i < ld->nblobs; i++)
		if (strcmp(ld->blob[i].name, name) == 0)
			return &ld->blob[i];
	return NULL;
}

/* A pointer field of size bytes (1, 2, 4 or 8) at [off, off + size) of a
 * file of len bytes. */
static bool ptr_inside(uint8_t size, uint32_t off, uint32_t len)
{
	return (size == 1 || size == 2 || size == 4 || size == 8) && off <= len &&
	       size <= len - off;
}

/* Stores v's low size bytes (little-endian) at p; false when v does not fit.
 * Out of line: gcc would inline it into both pointer commands. */
static __attribute__((noinline)) bool put_fits(uint8_t *p, uint8_t size, uint64_t v)
{
	uint64_t kept = 0;

	memcpy(&kept, &v, size);
	memcpy(p, &v, size);
	return kept == v;
}

static const char *cmd_allocate(struct acpi_loader *ld, const uint8_t *c, const char *name,
				void *ctx)
{
	uint32_t align = get32(c, 60), size;
	uint8_t zone = c[64];
	uint16_t select;
	struct acpi_blob *b = &ld->blob[ld->nblobs];

	if (find_blob(ld, name))
		return "allocated twice: ";
	if (ld->nblobs == LOADER_MAX_BLOBS)
		return "too many files at ";
	if (align == 0 || (align & (align - 1)) || align > LOADER_MAX_ALIGN)
		return "bad alignment for ";
	if (zone != LOADER_ZONE_HIGH && zone != LOADER_ZONE_FSEG)
		return "unknown zone for ";
	if (!acpi_loader_find(name, &select, &size, ctx) || size == 0)
		return NO_FILE;
	b->data = acpi_loader_alloc(size, align, zone, &b->phys, ctx);
	if (!b->data)
		return "out of memory for ";
	memcpy(b->name, name, LOADER_FILESZ); /* the whole field: NUL inside */
	b->size = size;
	acpi_loader_read(select, b->data, size, ctx);
	ld->nblobs++;
	if (size >= 8 && memcmp(b->data, "RSD PTR ", 8) == 0)
		ld->rsdp = b->phys;
	return NULL;
}

static const char *cmd_add_pointer(struct acpi_loader *ld, const uint8_t *c, const char **what)
{
	const char *dname = *what, *sname = (const char *)c + 60;
	uint32_t off = get32(c, 116);
	uint8_t size = c[120];
	struct acpi_blob *dst = find_blob(ld, dname), *src = find_blob(ld, sname);
	uint64_t v = 0;

	if (!dst || !src) {
		*what = dst ? sname : dname;
		return NOT_ALLOCATED;
	}
	if (!ptr_inside(size, off, dst->size))
		return PTR_OUTSIDE;
	memcpy(&v, dst->data + off, size);
	return put_fits(dst->data + off, size, v + src->phys) ? NULL : NO_FIT;
}

static const char *cmd_add_checksum(struct acpi_loader *ld, const uint8_t *c, const char *name)
{
	uint32_t off = get32(c, 60), start = get32(c, 64), len = get32(c, 68);
	struct acpi_blob *b = find_blob(ld, name);

	if (!b)
		return NOT_ALLOCATED;
	if (off >= b->size || start > b->size || len > b->size - start)
		return "range outside ";
	/* the field is part of the summed range: adding makes the sum 0 */
	b->data[off] += checksum(b->data + start, len);
	return NULL;
}

static const char *cmd_write_pointer(struct acpi_loader *ld, const uint8_t *c, const char **what,
				     void *ctx)
{
	const char *dname = *what, *sname = (const char *)c + 60;
	uint32_t doff = get32(c, 116), soff = get32(c, 120), dsize;
	uint8_t size = c[124], buf[8];
	struct acpi_blob *src = find_blob(ld, sname);
	uint16_t select;

	if (!src) {
		*what = sname;
		return NOT_ALLOCATED;
	}
	if (!acpi_loader_find(dname, &select, &dsize, ctx))
		return NO_FILE;
	if (!ptr_inside(size, doff, dsize) || soff >= src->size)
		return PTR_OUTSIDE;
	if (!put_fits(buf, size, src->phys + soff))
		return NO_FIT;
	if (acpi_loader_write(select, doff, buf, size, ctx))
		return "fw_cfg write failed for ";
	return NULL;
}

int acpi_loader_run(struct acpi_loader *ld, const void *script, size_t len, void *ctx)
{
	const uint8_t *c = script;
	const char *why = NULL, *what = "", *cmd = "";
	uint32_t i;

	memset(ld, 0, sizeof(*ld));
	if (len % LOADER_ENTRY_SIZE) {
		why = "script size is not a multiple of 128";
		i = 0;
		goto out;
	}
	for (i = 0; i < len / LOADER_ENTRY_SIZE; i++, c += LOADER_ENTRY_SIZE) {
		uint32_t type = get32(c, 0);

		/* 0 pads the script; unknown commands are to be ignored */
		if (type - 1 >= ARRAY_SIZE(cmd_names) - 1)
			continue;
		cmd = cmd_names[type];
		what = name_at(c, 4);
		/* ADD_POINTER and WRITE_POINTER name a second file at 60 */
		if (!what || ((type & 1) == 0 && !name_at(c, 60))) {
			why = NOT_TERMINATED;
			what = "";
			goto out;
		}
		switch (type) {
		case LOADER_CMD_ALLOCATE:
			why = cmd_allocate(ld, c, what, ctx);
			break;
		case LOADER_CMD_ADD_POINTER:
			why = cmd_add_pointer(ld, c, &what);
			break;
		case LOADER_CMD_ADD_CHECKSUM:
			why = cmd_add_checksum(ld, c, what);
			break;
		default:
			why = cmd_write_pointer(ld, c, &what, ctx);
		}
		if (why)
			goto out;
	}
	return 0;
out:
	fw_snprintf(ld->error, sizeof(ld->error), "table-loader command %u: %s%s%s", i, cmd, why,
		    what);
	return -1;
}
