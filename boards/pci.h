/* PCI configuration space: mechanism #1 (CF8/CFC, two accesses per register)
 * or, once a board has enabled it, ECAM/MMCONFIG (one access). */
#ifndef PCI_H
#define PCI_H

#include <stdint.h>

#define PCI_BDF(bus, dev, fn) ((uint16_t)((bus) << 8 | (dev) << 3 | (fn)))
#define PCI_VENDOR_ID 0x00
#define PCI_VENDOR_INTEL 0x8086
#define PCI_HEADER_DWORD 0x0c /* cache line, latency, header type, BIST */
#define PCI_PRIMARY_BUS 0x18
#define PCI_SUBORDINATE_BUS 0x1a
#define PCI_INTERRUPT_LINE 0x3c
#define PCI_ROM_TYPE0 0x30 /* expansion ROM of a header type 0 */
#define PCI_ROM_TYPE1 0x38 /* ... and of a bridge (type 1) */

/* 0: use CF8/CFC. */
extern uintptr_t pci_ecam_base;

uint32_t pci_read32(uint16_t bdf, uint16_t off);
void pci_write32(uint16_t bdf, uint16_t off, uint32_t v);
void pci_write8(uint16_t bdf, uint16_t off, uint8_t v);

/* A chipset function whose BARs and interrupt pin the board knows (Intel
 * vendor ID): its unimplemented BARs and its pin are not probed. */
struct pci_known {
	uint16_t device;
	uint8_t bars; /* bit i: BAR i is implemented */
	uint8_t line; /* 0: no pin; 1-4: pin, routed like any; PCI_KNOWN_IRQ(n): fixed */
};
#define PCI_KNOWN_IRQ(n) (0x80 | (n))

/* pci_scan.c: numbers every bridge's buses depth-first, writes
 * INTERRUPT_LINE of every function that has a pin, mapping the pin through
 * the standard bridge swizzle to (slot on bus 0, pin) and then irq_for, and
 * sizes every BAR for pci_bars_assign. */
struct pci_scan {
	uint8_t (*irq_for)(uint8_t root_slot, uint8_t pin); /* pin 1..4 */
	uint8_t skip_slot0; /* the host bridge is known: no need to read it */
	/* The chipset's ISA/LPC bridge on bus 0, known to be there, to be
	 * multi-function and to have no interrupt pin: two reads saved. 0: none. */
	uint16_t isa_bridge;
	const struct pci_known *known; /* ends with device 0 */
};
void pci_scan(const struct pci_scan *s);

#endif
