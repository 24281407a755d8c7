/* Where the option ROM's payload and its copy of the BIOS memory map live
 * (in the firmware's scratch range, firmware/layout.h), shared with rom_stub.asm. */
#ifndef ROM_LAYOUT_H
#define ROM_LAYOUT_H

#define ROM_PAYLOAD_BASE 0x80000
#define ROM_E820_BUF 0x8f000
#define ROM_E820_COUNT (ROM_E820_BUF + 0xffc)
#define ROM_E820_STRIDE 24

#endif
