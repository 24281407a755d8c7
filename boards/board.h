/* What differs between QEMU's x86 machines lives behind this interface. */
#ifndef BOARD_H
#define BOARD_H

#include "fwlib.h"
#include "e820.h"

enum board_kind { BOARD_PC, BOARD_Q35, BOARD_MICROVM };

struct board {
	enum board_kind kind;
	/* Start of the 32-bit PCI window (it ends at the I/O APIC); 0: the end
	 * of low RAM. */
	uint32_t pci_mem_lo;
	/* Chipset set-up that must precede reading ACPI from fw_cfg (QEMU builds
	 * the tables from what the firmware programmed). NULL: nothing to do. */
	void (*setup)(void);
	/* The board's own reservations in the memory map; may be NULL. */
	int (*reserve)(const struct board *b, struct e820_map *m);
	/* Make the F segment writable (enable) or read-only again, for
	 * legacy tables; NULL where it is RAM already. */
	void (*fseg_write)(bool enable);
};

/* Assigns the BARs the scan sized, before ACPI is read: QEMU's _CRS for
 * the 64-bit window follows what is programmed. */
void board_pci_assign(const struct board *b, const struct e820_map *m, uint64_t lowmem_top);

/* detect.c: tells the machine by the host bridge at 00:00.0 (one config
 * read) and calls its init below. */
void board_detect(struct board *b);

/* Each machine's file fills in b. */
void pc_board_init(struct board *b);
void q35_board_init(struct board *b);
void microvm_board_init(struct board *b);

/* PM I/O base both chipsets are given; QEMU's FADT follows whatever is set. */
#define BOARD_PM_IO_BASE 0x600
/* PIRQ routing: A,B -> IRQ 10, C,D -> IRQ 11 (QEMU's link _PRS offers 5, 10, 11). */
#define BOARD_PIRQ_ROUTE 0x0b0b0a0au
uint8_t board_pirq_irq(uint8_t pirq);

#endif
