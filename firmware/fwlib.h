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
 * are described by offsets in the spec, and the host tests are 64-bit. x86
 * (and every host the tests run on) is little-endian, so a field is one
 * unaligned load or store; __builtin_memcpy because the firmware is built
 * -ffreestanding, where plain memcpy would stay a call. */
_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "field access assumes little-endian");
/* getN/putN for N = 16, 32, 64. */
#define FWLIB_FIELD(n)                                                     \
	static inline uint##n##_t get##n(const void *p, size_t off)        \
	{                                                                  \
		uint##n##_t v;                                             \
		__builtin_memcpy(&v, (const uint8_t *)p + off, sizeof(v)); \
		return v;                                                  \
	}                                                                  \
	static inline void put##n(void *p, size_t off, uint##n##_t v)      \
	{                                                                  \
		__builtin_memcpy((uint8_t *)p + off, &v, sizeof(v));       \
	}
FWLIB_FIELD(16)
FWLIB_FIELD(32)
FWLIB_FIELD(64)
#undef FWLIB_FIELD
static inline void put8(void *p, size_t off, uint8_t v)
{
	((uint8_t *)p)[off] = v;
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
	return bswap32(get32(p, off));
}
static inline uint16_t get_be16(const void *p, size_t off)
{
	return __builtin_bswap16(get16(p, off));
}

#define ALIGN_DOWN(x, a) ((x) & ~(((__typeof__(x))(a)) - 1))
#define ALIGN_UP(x, a) ALIGN_DOWN(((x) + (a)) - 1, (a))

/* checksum.c: minus the byte sum of p[0..n), for a table's checksum field. */
uint8_t checksum(const void *p, size_t n);

/* Not zeroed at start (linker/bios.lds .noinit): for buffers written in
 * full before they are read. On the host (unit tests) a plain variable. */
#if defined(__STDC_HOSTED__) && __STDC_HOSTED__ == 0
#define __noinit __attribute__((section(".noinit")))
#else
#define __noinit
#endif
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

/* fmt.c: a small vsnprintf for the log line: %s %u %x %llx %llu (%% and any
 * other character after % print that character),
 * with an optional 0-padded width. Always NUL-terminates; returns the length
 * written (not the length wanted). */
int fw_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int fw_snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
