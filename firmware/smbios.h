/*
 * SMBIOS from QEMU (etc/smbios/smbios-anchor, etc/smbios/smbios-tables): the
 * firmware places the tables, writes their address into the entry point and
 * recomputes its checksums (DMTF DSP0134: 2.1 "_SM_" 31 bytes, 3.0 "_SM3_" 24).
 */
#ifndef SMBIOS_H
#define SMBIOS_H

#include "fwlib.h"

#define SMBIOS_ANCHOR_MAX 32

/* Checks an entry point of len bytes, points it at table_phys and fixes its
 * checksums. Returns its length, or 0 when it is neither 2.1 nor 3.0 or
 * the address does not fit (2.1 takes 32 bits). */
size_t smbios_fix_anchor(uint8_t *ep, size_t len, uint64_t table_phys);

#endif
