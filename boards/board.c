/* What the machines' files share (the PIRQ routing) and the PCI resources
 * every board with PCI gets; telling the machine is detect.c's. */
#include "board.h"
#include "pci_bars.h"
#include "fw_cfg.h"
#include "console.h"

uint8_t board_pirq_irq(uint8_t pirq)
{
	return (uint8_t)(BOARD_PIRQ_ROUTE >> (8 * (pirq & 3)));
}

/* Pages up to the one that holds the end of [0, x); 32 bits reach 16 TiB. */
static uint32_t page_end(uint64_t x)
{
	return (uint32_t)((x + 0xfff) >> 12);
}

/* QEMU's pc_pci_hole64_start(): above RAM and any hotplug memory region
 * (etc/reserved-memory-end, only with maxmem), rounded up to 1 GiB; in pages. */
static uint32_t hole64_start(const struct e820_map *m)
{
	uint32_t top = 1u << 20, end; /* 4 GiB */
	uint64_t rsv;
	uint16_t sel;
	uint32_t size;

	for (uint32_t i = 0; i < m->n; i++) {
		end = page_end(m->e[i].addr + m->e[i].size);
		if (m->e[i].type == E820_RAM && end > top)
			top = end;
	}
	if (fw_cfg_find("etc/reserved-memory-end", &sel, &size) && size == 8) {
		fw_cfg_read(sel, &rsv, 8);
		end = page_end(rsv);
		if (end > top)
			top = end;
	}
	return ALIGN_UP(top, 1u << (30 - 12));
}

void board_pci_assign(const struct board *b, const struct e820_map *m, uint64_t lowmem_top)
{
	unsigned failed;

	if (b->kind == BOARD_MICROVM)
		return;
	failed = pci_bars_assign((b->pci_mem_lo ? b->pci_mem_lo : (uint32_t)lowmem_top + 0xfff) >>
					 12,
				 hole64_start(m));
	if (failed)
		console_log("pci: %u BARs left to the kernel", failed);
}
