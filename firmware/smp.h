#ifndef SMP_H
#define SMP_H

#include "mptable.h"
#include "memmap.h"

/* The boot CPUs QEMU started (fw_cfg NB_CPUS) and their APIC IDs, worked out
 * from the topology CPUID leaf 0xB reports; fills cpus (ids: room for 255). */
void smp_cpus(struct mp_cpus *cpus, uint8_t *ids);
/* APIC ID of CPU index i for a topology of threads per core and logical
 * CPUs per package, with the ID bit shifts of each level (CPUID 0xB). */
static inline uint32_t smp_apic_id(uint32_t i, uint32_t threads, uint32_t per_pkg,
				   uint32_t smt_shift, uint32_t pkg_shift)
{
	uint32_t cores = per_pkg / threads;
	uint32_t thread = i % threads, core = (i / threads) % cores, pkg = i / per_pkg;

	return pkg << pkg_shift | core << smt_shift | thread;
}

/* Without ACPI: an MP table in the high area, its floating pointer in the
 * last KiB of base memory (reserved in the map). */
void smp_mptable(struct memmap *mm);

#endif
