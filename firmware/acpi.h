#ifndef ACPI_H
#define ACPI_H

#include "memmap.h"

/* Runs QEMU's ACPI linker/loader; returns the RSDP address, 0 without ACPI. */
uint64_t acpi_setup(struct memmap *mm);
/* Copies the RSDP into the F segment for kernels that only scan for it. */
uint64_t acpi_legacy_rsdp(uint64_t rsdp, const struct board *b);

#endif
