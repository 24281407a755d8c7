/*
 * The machine behind the ACPI loader in the firmware: acpi_loader.h's hooks on
 * fw_cfg and the high memory allocator. A file of their own, called only by
 * acpi_loader.c, so that the host tests link tests/unit/fake_env.c in its
 * place and run the interpreter against recorded QEMU scripts.
 */
#include "acpi_loader.h"
#include "fw_cfg.h"
#include "memmap.h"

bool acpi_loader_find(const char *name, uint16_t *sel, uint32_t *size, void *ctx)
{
	(void)ctx;
	return fw_cfg_find(name, sel, size);
}

void acpi_loader_read(uint16_t sel, void *dst, uint32_t size, void *ctx)
{
	(void)ctx;
	fw_cfg_read(sel, dst, size);
}

int acpi_loader_write(uint16_t sel, uint32_t off, const void *src, uint32_t len, void *ctx)
{
	(void)ctx;
	return fw_cfg_write_file(sel, off, src, len);
}

/* FSEG-zone blobs go high too: modern kernels get the RSDP from the boot
 * protocol, and acpi_legacy_rsdp copies it down for the others. */
void *acpi_loader_alloc(uint32_t size, uint32_t align, uint8_t zone, uint64_t *phys, void *ctx)
{
	(void)zone;
	return memmap_alloc_high(ctx, size, align, phys);
}
