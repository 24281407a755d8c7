#include "acpi_rsdp.h"

uint64_t acpi_rsdp_scan(const void *mem, uint32_t phys, size_t len)
{
	const uint8_t *p = mem;

	for (size_t off = (16 - (phys & 15)) & 15; off + 20 <= len; off += 16) {
		const uint8_t *r = p + off;

		if (memcmp(r, "RSD PTR ", 8) || checksum(r, 20))
			continue;
		/* revision 2+: the 36-byte structure has its own checksum */
		if (r[15] >= 2 && (off + 36 > len || checksum(r, 36)))
			continue;
		return phys + off;
	}
	return 0;
}
