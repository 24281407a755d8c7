/* acpi_rsdp_scan on any bytes at any base: it must stay inside the buffer
 * (exact-size copy for ASan) and only return a 16-byte-aligned address whose
 * bytes hold the signature and valid checksums. */
#include <stdint.h>
#include <string.h>
#include "acpi_rsdp.h"
#include "fuzz_check.h"

static uint8_t sum(const uint8_t *p, size_t n)
{
	uint8_t s = 0;

	while (n--)
		s += *p++;
	return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint32_t phys = 0xe0000;
	uint8_t *copy;
	uint64_t r;

	if (size >= 1) {
		phys += data[0] & 15; /* exercise unaligned bases */
		data++, size--;
	}
	copy = malloc(size ? size : 1);
	memcpy(copy, data, size);
	r = acpi_rsdp_scan(copy, phys, size);
	if (r) {
		size_t off = (size_t)(r - phys);

		FUZZ_CHECK(r % 16 == 0 && off + 20 <= size);
		FUZZ_CHECK(memcmp(copy + off, "RSD PTR ", 8) == 0 && sum(copy + off, 20) == 0);
		FUZZ_CHECK(copy[off + 15] < 2 || (off + 36 <= size && sum(copy + off, 36) == 0));
	}
	free(copy);
	return 0;
}
