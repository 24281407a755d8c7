/* Interpreter for QEMU's ACPI linker/loader script. Every name, offset and size
 * comes from outside and is bounds-checked before use. */
#include "acpi_loader.h"

/* The reasons are shared between commands, so each string exists once. */
static int fail(struct acpi_loader *ld, uint32_t idx, const char *cmd, const char *why,
		const char *name)
{
	fw_snprintf(ld->error, sizeof(ld->error), "table-loader command %u: %s%s%s%s%s", idx,
		    cmd ? cmd : "", cmd ? ": " : "", why, name ? " " : "", name ? name : "");
	return -1;
}

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

static bool valid_ptr_size(uint8_t size)
{
	return size == 1 || size == 2 || size == 4 || size == 8;
}

static uint64_t get_n(const uint8_t *p, uint8_t size)
{
	uint64_t v = 0;

	for (int i = size - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static void put_n(uint8_t *p, uint8_t size, uint64_t v)
{
	for (int i = 0; i < size; i++, v >>= 8)
		p[i] = (uint8_t)v;
}

static int cmd_allocate(struct acpi_loader *ld, uint32_t idx, const uint8_t *c,
			const struct acpi_loader_env *env)
{
	const char *name = name_at(c, 4);
	uint32_t align = get32(c, 60), size;
	uint8_t zone = c[64];
	uint16_t select;
	struct acpi_blob *b;

	if (!name)
		return fail(ld, idx, "ALLOCATE", "file name not terminated", NULL);
	if (find_blob(ld, name))
		return fail(ld, idx, "ALLOCATE", "allocated twice:", name);
	if (ld->nblobs == LOADER_MAX_BLOBS)
		return fail(ld, idx, "ALLOCATE", "too many files at", name);
	if (align == 0 || (align & (align - 1)) || align > LOADER_MAX_ALIGN)
		return fail(ld, idx, "ALLOCATE", "bad alignment for", name);
	if (zone != LOADER_ZONE_HIGH && zone != LOADER_ZONE_FSEG)
		return fail(ld, idx, "ALLOCATE", "unknown zone for", name);
	if (!env->find(env->ctx, name, &select, &size) || size == 0)
		return fail(ld, idx, "ALLOCATE", "no such fw_cfg file:", name);
	b = &ld->blob[ld->nblobs];
	b->data = env->alloc(env->ctx, size, align, zone, &b->phys);
	if (!b->data)
		return fail(ld, idx, "ALLOCATE", "out of memory for", name);
	memcpy(b->name, name, strlen(name) + 1);
	b->size = size;
	env->read(env->ctx, select, b->data, size);
	ld->nblobs++;
	if (size >= 8 && memcmp(b->data, "RSD PTR ", 8) == 0)
		ld->rsdp = b->phys;
	return 0;
}

static int cmd_add_pointer(struct acpi_loader *ld, uint32_t idx, const uint8_t *c)
{
	const char *dname = name_at(c, 4), *sname = name_at(c, 60);
	uint32_t off = get32(c, 116);
	uint8_t size = c[120];
	struct acpi_blob *dst, *src;
	uint64_t v, sum;

	if (!dname || !sname)
		return fail(ld, idx, "ADD_POINTER", "file name not terminated", NULL);
	dst = find_blob(ld, dname);
	src = find_blob(ld, sname);
	if (!dst || !src)
		return fail(ld, idx, "ADD_POINTER", "file not allocated:", dst ? sname : dname);
	if (!valid_ptr_size(size) || off > dst->size || size > dst->size - off)
		return fail(ld, idx, "ADD_POINTER", "pointer outside", dname);
	v = get_n(dst->data + off, size);
	sum = v + src->phys;
	if (size < 8 && (sum >> (size * 8)) != 0)
		return fail(ld, idx, "ADD_POINTER", "address does not fit the field in", dname);
	put_n(dst->data + off, size, sum);
	return 0;
}

static int cmd_add_checksum(struct acpi_loader *ld, uint32_t idx, const uint8_t *c)
{
	const char *name = name_at(c, 4);
	uint32_t off = get32(c, 60), start = get32(c, 64), len = get32(c, 68);
	struct acpi_blob *b;
	uint8_t sum = 0;

	if (!name)
		return fail(ld, idx, "ADD_CHECKSUM", "file name not terminated", NULL);
	b = find_blob(ld, name);
	if (!b)
		return fail(ld, idx, "ADD_CHECKSUM", "file not allocated:", name);
	if (off >= b->size || start > b->size || len > b->size - start)
		return fail(ld, idx, "ADD_CHECKSUM", "range outside", name);
	for (uint32_t i = 0; i < len; i++)
		sum += b->data[start + i];
	b->data[off] -= sum; /* the field is part of the summed range */
	return 0;
}

static int cmd_write_pointer(struct acpi_loader *ld, uint32_t idx, const uint8_t *c,
			     const struct acpi_loader_env *env)
{
	const char *dname = name_at(c, 4), *sname = name_at(c, 60);
	uint32_t doff = get32(c, 116), soff = get32(c, 120), dsize;
	uint8_t size = c[124], buf[8];
	struct acpi_blob *src;
	uint16_t select;
	uint64_t v;

	if (!dname || !sname)
		return fail(ld, idx, "WRITE_POINTER", "file name not terminated", NULL);
	src = find_blob(ld, sname);
	if (!src)
		return fail(ld, idx, "WRITE_POINTER", "file not allocated:", sname);
	if (!env->find(env->ctx, dname, &select, &dsize))
		return fail(ld, idx, "WRITE_POINTER", "no such fw_cfg file:", dname);
	if (!valid_ptr_size(size) || doff > dsize || size > dsize - doff || soff >= src->size)
		return fail(ld, idx, "WRITE_POINTER", "pointer outside", dname);
	v = src->phys + soff;
	if (size < 8 && (v >> (size * 8)) != 0)
		return fail(ld, idx, "WRITE_POINTER", "address does not fit the field in", dname);
	put_n(buf, size, v);
	if (env->write(env->ctx, select, doff, buf, size))
		return fail(ld, idx, "WRITE_POINTER", "fw_cfg write failed for", dname);
	return 0;
}

int acpi_loader_run(struct acpi_loader *ld, const void *script, size_t len,
		    const struct acpi_loader_env *env)
{
	const uint8_t *p = script;
	int r = 0;

	memset(ld, 0, sizeof(*ld));
	if (len % LOADER_ENTRY_SIZE)
		return fail(ld, 0, NULL, "script size is not a multiple of 128", NULL);
	for (uint32_t i = 0; r == 0 && i < len / LOADER_ENTRY_SIZE; i++) {
		const uint8_t *c = p + (size_t)i * LOADER_ENTRY_SIZE;

		switch (get32(c, 0)) {
		case LOADER_CMD_ALLOCATE:
			r = cmd_allocate(ld, i, c, env);
			break;
		case LOADER_CMD_ADD_POINTER:
			r = cmd_add_pointer(ld, i, c);
			break;
		case LOADER_CMD_ADD_CHECKSUM:
			r = cmd_add_checksum(ld, i, c);
			break;
		case LOADER_CMD_WRITE_POINTER:
			r = cmd_write_pointer(ld, i, c, env);
			break;
		default:
			/* 0 pads the script; unknown commands are to be ignored */
			break;
		}
	}
	return r;
}
