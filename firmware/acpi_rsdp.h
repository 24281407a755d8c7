/* Finding an RSDP another BIOS left in memory (ACPI spec 5.2.5.1: on a
 * 16-byte boundary in the EBDA's first KiB or in 0xE0000-0xFFFFF). */
#ifndef ACPI_RSDP_H
#define ACPI_RSDP_H

#include "fwlib.h"

/* Scans mem[0..len), which is guest physical phys.., for "RSD PTR " with a
 * valid checksum (20 bytes; 36 for revision 2+). Returns its physical address or 0. */
uint64_t acpi_rsdp_scan(const void *mem, uint32_t phys, size_t len);

#endif
