#ifndef LEGACY_TABLES_H
#define LEGACY_TABLES_H

#include "memmap.h"

/* SMBIOS from QEMU (tables in the high area, entry point in the F segment),
 * and a copy of the RSDP there for kernels that only scan for it (boot
 * protocol < 2.14, no acpi_rsdp_addr). One PAM open/close covers both. */
void legacy_tables(struct memmap *mm, const struct board *b, uint64_t rsdp);

#endif
