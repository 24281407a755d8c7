/* Option ROM payload: SeaBIOS has set up the machine; take its memory map
 * and RSDP, then boot the kernel from fw_cfg exactly as bios.bin does. */
#include "fwlib.h"
#include "fw_cfg.h"
#include "memmap.h"
#include "acpi_rsdp.h"
#include "linux_boot.h"
#include "console.h"
#include "layout.h"
#include "io.h"
#include "boot-trace.h"

#define BDA_EBDA_SEG 0x40e

static struct memmap mm;

__attribute__((noreturn)) void rom_main(void);

static uint64_t find_rsdp(void)
{
	uint32_t ebda = (uint32_t)phys_read16(BDA_EBDA_SEG) << 4;
	uint64_t rsdp = 0;

	if (ebda >= 0x80000 && ebda < 0xa0000)
		rsdp = acpi_rsdp_scan((void *)(uintptr_t)ebda, ebda, 1024);
	if (!rsdp)
		rsdp = acpi_rsdp_scan((void *)0xe0000, 0xe0000, 0x20000);
	return rsdp;
}

void rom_main(void)
{
	if (fw_cfg_init())
		fatal(TRACE_ERR_NO_FWCFG, "no QEMU fw_cfg device at I/O port 0x510");
	memmap_from_bios(&mm, (const void *)ROM_E820_BUF, phys_read32(ROM_E820_COUNT),
			 ROM_E820_STRIDE);
	linux_boot(&mm, find_rsdp());
}
