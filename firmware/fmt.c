/* A small formatter, enough for one log line; no floating point, no libc. */
#include "fwlib.h"

struct out {
	char *buf;
	size_t size, len;
};

static void emit(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len++] = c;
}

/* Digits by long division in 16-bit steps over the four 16-bit words: a
 * 64-bit division would pull in libgcc, which a 32-bit freestanding build
 * does not have. */
static void emit_num(struct out *o, uint64_t v, unsigned base, int width)
{
	union {
		uint64_t v;
		uint16_t w[4]; /* little-endian: w[3] is the top word */
	} q = { v };
	char tmp[24];
	int n = 0;

	do {
		uint32_t r = 0;

		for (int i = 3; i >= 0; i--) {
			uint32_t cur = r << 16 | q.w[i];

			q.w[i] = (uint16_t)(cur / base);
			r = cur % base;
		}
		tmp[n++] = (char)(r < 10 ? '0' + r : 'a' + r - 10);
	} while (q.v);
	while (width-- > n)
		emit(o, '0');
	while (n)
		emit(o, tmp[--n]);
}

/* Only what the firmware's formats use: %s %u %x with an optional 0-padded
 * width and ll; anything else prints the character after the %. */
int fw_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };

	for (; *fmt; fmt++) {
		int width = 0, lng = 0;
		uint64_t v;

		if (*fmt != '%') {
			emit(&o, *fmt);
			continue;
		}
		fmt++;
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		while (*fmt == 'l')
			lng++, fmt++;
		switch (*fmt) {
		case 's':
			for (const char *s = va_arg(ap, const char *); *s; s++)
				emit(&o, *s);
			break;
		case 'u':
		case 'x':
			v = lng >= 2 ? va_arg(ap, unsigned long long) : va_arg(ap, unsigned);
			emit_num(&o, v, *fmt == 'u' ? 10 : 16, width);
			break;
		case '\0':
			fmt--;
			break;
		default:
			emit(&o, *fmt);
		}
	}
	if (size)
		o.buf[o.len] = '\0';
	return (int)o.len;
}

int fw_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fw_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
