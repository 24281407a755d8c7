/* Hand-built table-loader commands; layout in loader_script.h. */
#include <stdlib.h>
#include <string.h>
#include "loader_script.h"

void le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

uint32_t rd_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

uint64_t rd_le64(const uint8_t *p)
{
	return rd_le32(p) | (uint64_t)rd_le32(p + 4) << 32;
}

/* A name longer than 55 characters fills the field without a NUL. */
static void name(uint8_t *field, const char *n)
{
	size_t len = strlen(n);

	memcpy(field, n, len < 56 ? len : 56);
}

uint8_t *script_cmd(struct script *s, uint32_t command)
{
	uint8_t *c;

	if (s->len + 128 > sizeof(s->b))
		abort();
	c = s->b + s->len;
	memset(c, 0, 128);
	le32(c, command);
	s->len += 128;
	return c;
}

uint8_t *script_allocate(struct script *s, const char *file, uint32_t align, uint8_t zone)
{
	uint8_t *c = script_cmd(s, 1);

	name(c + 4, file);
	le32(c + 60, align);
	c[64] = zone;
	return c;
}

uint8_t *script_add_pointer(struct script *s, const char *dst, const char *src, uint32_t offset,
			    uint8_t size)
{
	uint8_t *c = script_cmd(s, 2);

	name(c + 4, dst);
	name(c + 60, src);
	le32(c + 116, offset);
	c[120] = size;
	return c;
}

uint8_t *script_add_checksum(struct script *s, const char *file, uint32_t offset, uint32_t start,
			     uint32_t length)
{
	uint8_t *c = script_cmd(s, 3);

	name(c + 4, file);
	le32(c + 60, offset);
	le32(c + 64, start);
	le32(c + 68, length);
	return c;
}

uint8_t *script_write_pointer(struct script *s, const char *dst, const char *src,
			      uint32_t dst_offset, uint32_t src_offset, uint8_t size)
{
	uint8_t *c = script_cmd(s, 4);

	name(c + 4, dst);
	name(c + 60, src);
	le32(c + 116, dst_offset);
	le32(c + 120, src_offset);
	c[124] = size;
	return c;
}
