/*
 * The few C library routines the firmware needs. Built freestanding into
 * bios.bin (string.c); the host unit tests use the C library's instead, so the
 * logic files compile unchanged on both.
 */
#ifndef FWLIB_H
#define FWLIB_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdarg.h>

#if __STDC_HOSTED__
#include <string.h>
#else
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
#endif

/* Little-endian field access at a byte offset: the boot protocol structures
 * are described by offsets in the spec, and the host tests are 64-bit. */
static inline uint16_t get16(const void *p, size_t off)
{
	const uint8_t *b = (const uint8_t *)p + off;
	return (uint16_t)(b[0] | b[1] << 8);
}
static inline uint32_t get32(const void *p, size_t off)
{
	return get16(p, off) | (uint32_t)get16(p, off + 2) << 16;
}
static inline uint64_t get64(const void *p, size_t off)
{
	return get32(p, off) | (uint64_t)get32(p, off + 4) << 32;
}
static inline void put8(void *p, size_t off, uint8_t v)
{
	((uint8_t *)p)[off] = v;
}
static inline void put16(void *p, size_t off, uint16_t v)
{
	put8(p, off, (uint8_t)v);
	put8(p, off + 1, (uint8_t)(v >> 8));
}
static inline void put32(void *p, size_t off, uint32_t v)
{
	put16(p, off, (uint16_t)v);
	put16(p, off + 2, (uint16_t)(v >> 16));
}
static inline void put64(void *p, size_t off, uint64_t v)
{
	put32(p, off, (uint32_t)v);
	put32(p, off + 4, (uint32_t)(v >> 32));
}

/* fw_cfg and its DMA descriptors are big-endian. */
static inline uint32_t bswap32(uint32_t v)
{
	return __builtin_bswap32(v);
}
static inline uint64_t bswap64(uint64_t v)
{
	return __builtin_bswap64(v);
}
static inline uint32_t get_be32(const void *p, size_t off)
{
	const uint8_t *b = (const uint8_t *)p + off;
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}
static inline uint16_t get_be16(const void *p, size_t off)
{
	const uint8_t *b = (const uint8_t *)p + off;
	return (uint16_t)(b[0] << 8 | b[1]);
}

#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#define ALIGN_UP(x, a) ALIGN_DOWN((x) + (a) - 1, (a))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

/* fmt.c: a small vsnprintf for the log line: %s %c %d %u %x %llx %llu %%,
 * with an optional 0-padded width. Always NUL-terminates; returns the length
 * written (not the length wanted). */
int fw_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int fw_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
