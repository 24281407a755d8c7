/* Symbol files as boot-profile reads them (an ELF's symbol table, or
 * System.map / kallsyms text): never a read outside the input (ASan), and
 * every symbol found covers the address asked for. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "symbols.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct symbols t = { 0 };
	char *buf = malloc(size + 1);

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	symbols_load_buffer(&t, buf, size, "fuzz");
	for (size_t i = 0; i + 8 <= size && i < 256; i += 8) {
		uint64_t a;
		const struct symbol *s;

		memcpy(&a, data + i, 8);
		s = symbols_find(&t, a);
		if (s)
			FUZZ_CHECK(s->addr <= a && a < s->end && s->name[0]);
	}
	symbols_free(&t);
	free(buf);
	return 0;
}
