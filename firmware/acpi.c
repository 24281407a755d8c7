/* ACPI tables from QEMU: fetch etc/table-loader and run it against fw_cfg
 * (through acpi_env.c, the loader's hooks). */
#include "acpi.h"
#include "acpi_loader.h"
#include "fw_cfg.h"
#include "console.h"
#include "layout.h"
#include "boot-trace.h"

static struct acpi_loader loader;

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
