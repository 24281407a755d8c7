/* Tells the machine and hands it to its file (pc.c, q35.c, microvm.c), which
 * fills in the struct board; what they share is in board.c. */
#include "board.h"
#include "pci.h"

#define HOST_I440FX 0x12378086u
#define HOST_Q35_MCH 0x29c08086u

void board_detect(struct board *b)
{
	/* microvm has no PCI host (unless pcie=on, which is ECAM-only, needs no
	 * firmware set-up and also reads all ones here). */
	switch (pci_read32(PCI_BDF(0, 0, 0), PCI_VENDOR_ID)) {
	case HOST_I440FX:
		pc_board_init(b);
		break;
	case HOST_Q35_MCH:
		q35_board_init(b);
		break;
	default:
		microvm_board_init(b);
	}
}
