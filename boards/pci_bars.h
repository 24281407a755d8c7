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
	PCI_RES_IO = 1,
	PCI_RES_MEM = 2,
	PCI_RES_PREF = 4,
	PCI_RES_64 = 8,
	PCI_RES_FUNC = 16,       /* a function starts: bdf; reg = 0 */
	PCI_RES_BUS_ENTER = 32,  /* a bridge's secondary side starts */
	PCI_RES_BUS_EXIT = 64,   /* ... and ends: program its windows */
};

struct pci_res {
	uint16_t bdf;
	uint8_t reg;   /* BAR offset */
	uint8_t flags;
	uint8_t order; /* log2 of the size */
};

#define PCI_RES_MAX 256

/* [lo, hi): I/O ports in bytes, memory in 4 KiB pages. */
struct pci_windows {
	uint32_t io_lo, io_hi;
	uint32_t mem_lo, mem_hi; /* the 32-bit window */
	uint32_t high_lo;        /* 64-bit prefetchable BARs that do not fit below */
};

/* Sizes the BARs (six for header type 0, two for type 1) and the expansion
 * ROM of a function and records them. Does nothing once the table is full
 * (the kernel then assigns what is left: BARs stay 0, decoding off). */
void pci_bars_size(uint16_t bdf, uint8_t header_type);
/* Records the BARs a chipset function is known to implement (mask bit i =
 * BAR i), skipping the probes of the others. */
void pci_bars_size_known(uint16_t bdf, uint8_t bar_mask);
/* Around the scan of a bridge's buses; exit only when enter said true. */
bool pci_bars_bus_enter(uint16_t bdf);
void pci_bars_bus_exit(uint16_t bdf);
/* Assigns everything recorded: 64-bit prefetchable BARs below 4 GiB when
 * all fit there, otherwise from w->high_lo. Returns the number of BARs left
 * unassigned for want of room. Resets the table. */
unsigned pci_bars_assign(const struct pci_windows *w);

#endif
