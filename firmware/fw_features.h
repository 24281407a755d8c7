/* Features make bench compiles out one at a time to measure what each costs
 * in device accesses and bytes (tests/bench/feature-cost.sh, through
 * FW_CFLAGS_EXTRA=-DFW_NO_...). Constants, so the compiler drops the code. */
#ifndef FW_FEATURES_H
#define FW_FEATURES_H

#ifdef FW_NO_PCI_BARS
#define FW_HAS_PCI_BARS 0
#else
#define FW_HAS_PCI_BARS 1 /* BAR sizing and assignment, bridge windows */
#endif

#ifdef FW_NO_SMBIOS
#define FW_HAS_SMBIOS 0
#else
#define FW_HAS_SMBIOS 1 /* QEMU's SMBIOS tables and entry point */
#endif

#ifdef FW_NO_MPTABLE
#define FW_HAS_MPTABLE 0
#else
#define FW_HAS_MPTABLE 1 /* an MP table when there is no ACPI */
#endif

#endif
