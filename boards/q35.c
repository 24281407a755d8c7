/* QEMU q35: MCH host bridge (00:00.0) and ICH9 LPC (00:1f.0). */
#include "board.h"
#include "pci.h"

#define MCH_BDF PCI_BDF(0, 0, 0)
#define MCH_PCIEXBAR 0x60
#define MCH_PAM0 0x90
/* 256 buses (length field 0) at QEMU's customary address, enable bit 0. */
#define Q35_ECAM_BASE 0xb0000000u
#define Q35_ECAM_SIZE 0x10000000u
#define ICH9_LPC_BDF PCI_BDF(0, 0x1f, 0)
#define ICH9_PMBASE 0x40
#define ICH9_ACPI_CTRL 0x44 /* bit 7 ACPI_EN; bits 0-2 SCI IRQ, 0 = IRQ 9 */
#define ICH9_PIRQA_ROUT 0x60
#define ICH9_PIRQE_ROUT 0x68

/* hw/isa/lpc_ich9.c: slots 0-24 use PIRQ E-H rotated by slot, the chipset
 * slots 25-31 PIRQ A-D by pin (the D2xIR defaults). */
static uint8_t q35_irq_for(uint8_t slot, uint8_t pin)
{
	if (slot < 25)
		return board_pirq_irq((uint8_t)(slot + pin - 1));
	return board_pirq_irq((uint8_t)(pin - 1));
}

/* ICH9 AHCI: index/data I/O BAR 4 and ABAR 5; ICH9 SMBus: I/O BAR 4. */
static const struct pci_known q35_known[] = {
	{ 0x2922, 1 << 4 | 1 << 5, 1 },
	{ 0x2930, 1 << 4, 1 },
	{ 0, 0, 0 },
};

static const struct pci_scan q35_scan = {
	.irq_for = q35_irq_for, .skip_slot0 = 1, .isa_bridge = ICH9_LPC_BDF, .known = q35_known
};

static void q35_setup(void)
{
	/* Before any ACPI read: QEMU puts this window into MCFG. */
	pci_write32(MCH_BDF, MCH_PCIEXBAR, Q35_ECAM_BASE | 1);
	pci_ecam_base = Q35_ECAM_BASE;
	pci_write32(ICH9_LPC_BDF, ICH9_PMBASE, BOARD_PM_IO_BASE);
	pci_write8(ICH9_LPC_BDF, ICH9_ACPI_CTRL, 0x80);
	pci_write32(ICH9_LPC_BDF, ICH9_PIRQA_ROUT, BOARD_PIRQ_ROUTE);
	pci_write32(ICH9_LPC_BDF, ICH9_PIRQE_ROUT, BOARD_PIRQ_ROUTE);
	pci_scan(&q35_scan);
}

/* The kernel trusts MMCONFIG only when the window is reserved in the map. */
static int q35_reserve(const struct board *b, struct e820_map *m)
{
	(void)b;
	return e820_set(m, Q35_ECAM_BASE, Q35_ECAM_SIZE, E820_RESERVED);
}

static void q35_fseg_write(bool enable)
{
	pci_write8(MCH_BDF, MCH_PAM0, enable ? 0x30 : 0x10);
}

void q35_board_init(struct board *b)
{
	b->kind = BOARD_Q35;
	b->setup = q35_setup;
	b->reserve = q35_reserve;
	/* hw/pci-host/q35.c: the hole starts above the largest MMCONFIG window. */
	b->pci_mem_lo = Q35_ECAM_BASE + Q35_ECAM_SIZE;
	b->fseg_write = q35_fseg_write;
}
