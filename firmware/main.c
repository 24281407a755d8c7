/* bios.bin: from the reset vector (firmware/entry.asm) to the kernel. */
#include "fwlib.h"
#include "io.h"
#include "boot-trace.h"
#include "board.h"
#include "fw_cfg.h"
#include "memmap.h"
#include "acpi.h"
#include "console.h"
#include "linux_boot.h"
#include "smp.h"
#include "legacy_tables.h"
#include "fw_features.h"

static struct memmap mm;

__attribute__((noreturn)) void fw_main(void);

void fw_main(void)
{
	struct board board;
	uint64_t rsdp;

	outb(TRACE_PORT_FW, TRACE_FW_START);
	if (fw_cfg_init())
		fatal(TRACE_ERR_NO_FWCFG, "no QEMU fw_cfg device at I/O port 0x510");
	board_detect(&board);
	if (board.setup)
		board.setup();
	memmap_init(&mm);
	board_pci_assign(&board, &mm.e820, mm.lowmem_top);
	rsdp = acpi_setup(&mm);
	if (!rsdp && FW_HAS_MPTABLE)
		smp_mptable(&mm); /* with ACPI, QEMU's MADT lists the CPUs */
	legacy_tables(&mm, &board, rsdp);
	memmap_finish(&mm, &board);
	outb(TRACE_PORT_FW, TRACE_FW_DO_BOOT);
	linux_boot(&mm, rsdp);
}
