#include "smbios.h"

size_t smbios_fix_anchor(uint8_t *ep, size_t len, uint64_t table_phys)
{
	if (len >= 31 && memcmp(ep, "_SM_", 4) == 0 && ep[5] == 31 &&
	    memcmp(ep + 16, "_DMI_", 5) == 0) {
		if (table_phys >> 32)
			return 0;
		put32(ep, 24, (uint32_t)table_phys);
		/* intermediate checksum covers 0x10..0x1e, then the whole */
		ep[21] += checksum(ep + 16, 15); /* fixes the sum whatever the field held */
		ep[4] += checksum(ep, 31);
		return 31;
	}
	if (len >= 24 && memcmp(ep, "_SM3_", 5) == 0 && ep[6] == 24) {
		put64(ep, 16, table_phys);
		ep[5] += checksum(ep, 24);
		return 24;
	}
	return 0;
}
