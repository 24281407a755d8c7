/* PCI resources: BAR sizing during the bus scan, then one allocation pass
 * that assigns BARs, programs bridge windows and enables decoding.
 * PCI Local Bus spec 3.0 6.2.5.1 (BAR sizing), PCI-to-PCI Bridge spec 1.2
 * 3.2.5 (I/O, memory and prefetchable windows). */
#ifndef PCI_BARS_H
#define PCI_BARS_H

#include <stdbool.h>
#include <stdint.h>

/* One record per BAR, in depth-first order, with markers for each function
 * (its COMMAND is written after its BARs) and for each bridge's buses, so
 * one pass with moving pointers gives every bridge a window that holds
 * exactly what lies behind it. */
enum {
	/* a BAR: its type bits as the BAR has them (PCI 3.0 6.2.5.1); 0 for
	 * 32-bit memory and the expansion ROM */
	PCI_RES_IO = 1,
	PCI_RES_64 = 4,
	PCI_RES_PREF = 8,
	PCI_RES_FUNC = 16,      /* a function starts: bdf; reg = 0 */
	PCI_RES_BUS_ENTER = 32, /* a bridge's secondary side starts */
	PCI_RES_BUS_EXIT = 64,  /* ... and ends: program its windows */
};

struct pci_res {
	uint16_t bdf;
	uint8_t reg; /* BAR offset */
	uint8_t flags;
	uint8_t order; /* log2 of the size */
};

#define PCI_RES_MAX 256

/* The windows, as on real PCs: I/O from 0xc000, clear of QEMU's PM,
 * hotplug and fw_cfg ports, to the top of I/O space; memory from the
 * board's start up to the I/O APIC at 0xfec00000. In 4 KiB pages. */
#define PCI_IO_LO 0xc000
#define PCI_IO_HI 0x10000
#define PCI_MEM_HI (0xfec00000u >> 12)

/* Sizes the BARs in bar_mask (bit i: BAR i; a 64-bit one takes the next
 * bit's place too) and, unless rom is 0, the expansion ROM at that offset,
 * and records them. Functions whose BARs the board knows pass just those,
 * skipping the probes of the others. Does nothing once the table is full
 * (the kernel then assigns what is left: BARs stay 0, decoding off). */
void pci_bars_size(uint16_t bdf, uint8_t bar_mask, uint8_t rom);
/* Around the scan of a bridge's buses; exit only when enter said true. */
bool pci_bars_bus_enter(uint16_t bdf);
void pci_bars_bus_exit(uint16_t bdf);
/* Assigns everything recorded, memory from page mem_lo on; 64-bit
 * prefetchable BARs below 4 GiB when all fit there, otherwise from page
 * high_lo. Returns the number of BARs left unassigned for want of room.
 * Resets the table. */
unsigned pci_bars_assign(uint32_t mem_lo, uint32_t high_lo);

#endif
