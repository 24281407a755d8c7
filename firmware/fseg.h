/*
 * The legacy F segment (0xF0000-0xFFFFF), where kernels without boot-protocol
 * pointers scan for the SMBIOS entry point and the RSDP. On pc/q35 it is ROM
 * until the PAM registers map RAM there (two config writes); on microvm it is
 * our own image in RAM. Either way only the part after our code is used.
 */
#ifndef FSEG_H
#define FSEG_H

#include "board.h"

/* Makes the F segment writable (no-op where it is RAM). */
void fseg_open(const struct board *b);
/* 16-byte aligned room for size bytes; NULL when full. Returns the guest
 * physical address in *phys. */
void *fseg_alloc(uint32_t size, uint32_t *phys);
/* Read-only again, if fseg_open changed anything. */
void fseg_close(const struct board *b);

#endif
