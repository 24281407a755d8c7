/* Freestanding string routines for bios.bin (gcc may also call these). */
#include "fwlib.h"

/* Dwords first: under TCG each iteration of a rep string instruction costs
 * about as much as an instruction, so a 4 KiB page is 1024 of them, not 4096. */
void *memcpy(void *dst, const void *src, size_t n)
{
	void *d = dst;
	size_t words = n / 4;

	__asm__ volatile("rep movsl\n\tmov %3, %%ecx\n\trep movsb"
			 : "+D"(d), "+S"(src), "+c"(words)
			 : "r"(n & 3)
			 : "memory");
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	while (n--)
		d[n] = s[n];
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	void *d = dst;
	size_t words = n / 4;

	__asm__ volatile("rep stosl\n\tmov %2, %%ecx\n\trep stosb"
			 : "+D"(d), "+c"(words)
			 : "r"(n & 3), "a"((uint8_t)c * 0x01010101u)
			 : "memory");
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

size_t strlen(const char *s)
{
	return strnlen(s, (size_t)-1);
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}
