#ifndef LINUX_BOOT_H
#define LINUX_BOOT_H

#include "memmap.h"

/* Loads the kernel QEMU holds in fw_cfg (bzImage or PVH ELF), builds what its
 * boot protocol wants and jumps. Fatal on anything that cannot boot. */
__attribute__((noreturn)) void linux_boot(struct memmap *mm, uint64_t rsdp);

#endif
