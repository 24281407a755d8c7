/* ACPI tables from QEMU: fetch etc/table-loader and run it against fw_cfg. */
#include "acpi.h"
#include "acpi_loader.h"
#include "fw_cfg.h"
#include "console.h"
#include "layout.h"
#include "boot-trace.h"

static struct acpi_loader loader;

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

uint64_t acpi_setup(struct memmap *mm)
{
	void *script = (void *)LAYOUT_SCRATCH;
	uint16_t sel;
	uint32_t size;

	if (!fw_cfg_find("etc/table-loader", &sel, &size))
		return 0; /* e.g. -machine acpi=off */
	if (size > LAYOUT_SCRATCH_MAX)
		fatal(TRACE_ERR_ACPI_LOADER, "etc/table-loader is too large (%u bytes)", size);
	fw_cfg_read(sel, script, size);
	if (acpi_loader_run(&loader, script, size, mm))
		fatal(TRACE_ERR_ACPI_LOADER, "%s", loader.error);
	if (!loader.rsdp)
		fatal(TRACE_ERR_ACPI_LOADER, "the table-loader script allocated no RSDP");
	return loader.rsdp;
}
