/* The byte that makes a table's bytes sum to zero, as the MP, SMBIOS and
 * ACPI specifications want (a zeroed checksum field included in p). */
#include "fwlib.h"

uint8_t checksum(const void *p, size_t n)
{
	const uint8_t *b = p;
	uint8_t s = 0;

	while (n--)
		s += *b++;
	return (uint8_t)-s;
}
