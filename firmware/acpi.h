#ifndef ACPI_H
#define ACPI_H

#include "memmap.h"

/* Runs QEMU's ACPI linker/loader; returns the RSDP address, 0 without ACPI. */
uint64_t acpi_setup(struct memmap *mm);

#endif
