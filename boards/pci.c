#include "pci.h"
#include "io.h"

#define PCI_CONF_ADDR 0xcf8
#define PCI_CONF_DATA 0xcfc

uintptr_t pci_ecam_base;
static uint32_t cf8_cur; /* what CF8 holds: a read then write of one dword costs 3, not 4 */

static void cf8_select(uint16_t bdf, uint16_t off)
{
	uint32_t a = 0x80000000u | (uint32_t)bdf << 8 | (off & 0xfc);

	if (a != cf8_cur) {
		outl(PCI_CONF_ADDR, a);
		cf8_cur = a;
	}
}

static uintptr_t ecam(uint16_t bdf, uint16_t off)
{
	return pci_ecam_base + ((uintptr_t)bdf << 12) + off;
}

uint32_t pci_read32(uint16_t bdf, uint16_t off)
{
	if (pci_ecam_base)
		return mmio_read32(ecam(bdf, off));
	cf8_select(bdf, off);
	return inl(PCI_CONF_DATA);
}

void pci_write32(uint16_t bdf, uint16_t off, uint32_t v)
{
	if (pci_ecam_base) {
		mmio_write32(ecam(bdf, off), v);
		return;
	}
	cf8_select(bdf, off);
	outl(PCI_CONF_DATA, v);
}

void pci_write8(uint16_t bdf, uint16_t off, uint8_t v)
{
	if (pci_ecam_base) {
		mmio_write8(ecam(bdf, off), v);
		return;
	}
	cf8_select(bdf, off);
	outb(PCI_CONF_DATA + (off & 3), v);
}
