/* QEMU pc: i440FX host bridge and PIIX3 (00:01.0) with PIIX4 ACPI (00:01.3). */
#include "board.h"
#include "pci.h"

#define PIIX3_BDF PCI_BDF(0, 1, 0)
#define PIIX3_PIRQC 0x60 /* PIRQRC[A:D], one byte each */
#define PIIX4_PM_BDF PCI_BDF(0, 1, 3)
#define PIIX4_PMBA 0x40
#define PIIX4_PMREGMISC 0x80 /* bit 0: PM I/O space enable */
#define I440FX_PAM0 0x59     /* bits 4-5: 0xF0000-0xFFFFF */

/* hw/isa/piix3.c pci_slot_get_pirq: PIRQ = (slot - 1 + pin - 1) & 3. */
static uint8_t pc_irq_for(uint8_t slot, uint8_t pin)
{
	return board_pirq_irq((uint8_t)(slot - 1 + pin - 1));
}

/* QEMU's PIIX3 IDE decodes the legacy ports itself and has only the
 * bus-master BAR; the PIIX4 PM function raises SCI on IRQ 9, not a PIRQ. */
static const struct pci_known pc_known[] = {
	{ 0x7010, 1 << 4, 0 },
	{ 0x7113, 0, PCI_KNOWN_IRQ(9) },
	{ 0, 0, 0 },
};

static const struct pci_scan pc_scan = {
	.irq_for = pc_irq_for, .skip_slot0 = 1, .isa_bridge = PIIX3_BDF, .known = pc_known
};

static void pc_setup(void)
{
	pci_write32(PIIX3_BDF, PIIX3_PIRQC, BOARD_PIRQ_ROUTE);
	pci_write32(PIIX4_PM_BDF, PIIX4_PMBA, BOARD_PM_IO_BASE);
	pci_write8(PIIX4_PM_BDF, PIIX4_PMREGMISC, 1);
	pci_scan(&pc_scan);
}

/* PAM0 high nibble: 0x3 = reads and writes to DRAM, 0x1 = reads only. */
static void pc_fseg_write(bool enable)
{
	pci_write8(PCI_BDF(0, 0, 0), I440FX_PAM0, enable ? 0x30 : 0x10);
}

void pc_board_init(struct board *b)
{
	b->kind = BOARD_PC;
	b->setup = pc_setup;
	b->reserve = NULL;
	b->pci_mem_lo = 0; /* QEMU's 32-bit PCI hole starts where low RAM ends */
	b->fseg_write = pc_fseg_write;
}
