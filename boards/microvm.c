/* QEMU microvm: no PCI and no chipset to set up; the BIOS is mapped as RAM,
 * so the F segment needs no unlocking either. */
#include "board.h"

void microvm_board_init(struct board *b)
{
	b->kind = BOARD_MICROVM;
	b->setup = NULL;
	b->reserve = NULL;
	b->fseg_write = NULL;
}
