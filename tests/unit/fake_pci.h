/*
 * A simulated PCI configuration space behind pci_read32/pci_write32/
 * pci_write8 (boards/pci.h), for the scan and BAR assignment tests: BARs
 * keep only their writable address bits, as hardware does, so sizing by
 * writing all ones reads back the size. Functions are indexed by the bus
 * number the scan is expected to give them.
 */
#ifndef FAKE_PCI_H
#define FAKE_PCI_H

#include <stdbool.h>
#include <stdint.h>

#define FAKE_PCI_BUSES 20

struct fake_bar {
	uint64_t size; /* 0: not implemented */
	uint8_t flags; /* BAR low bits: 1 = I/O; 8 = prefetchable, 4 = 64-bit */
};

struct fake_fn {
	bool present;
	uint8_t cfg[256];
	struct fake_bar bar[7]; /* BAR0-5, then the expansion ROM */
	unsigned writes;        /* config writes seen */
};

extern struct fake_fn fake_pci[FAKE_PCI_BUSES][32][8];
extern unsigned fake_pci_accesses;

void fake_pci_reset(void);
/* A type 0 function (header_type 0x80: multi-function) or a PCI bridge. */
struct fake_fn *fake_pci_add(uint8_t bus, uint8_t dev, uint8_t fn, uint32_t id,
			     uint8_t header_type);
void fake_pci_bar(struct fake_fn *f, int bar, uint64_t size, uint8_t flags);
/* Address a BAR was given (both dwords of a 64-bit one), flag bits removed. */
uint64_t fake_pci_bar_addr(const struct fake_fn *f, int bar);
uint32_t fake_pci_cfg32(const struct fake_fn *f, uint8_t off);

#endif
