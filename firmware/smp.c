/* CPU enumeration without waking the APs: QEMU gives the count, CPUID the
 * topology, and QEMU numbers APIC IDs by (package, core, thread) bit fields
 * (hw/i386/topology.h), as CPUID leaf 0xB describes them. */
#include "smp.h"
#include "fw_cfg.h"
#include "console.h"
#include "layout.h"
#include "boot-trace.h"

static void cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4])
{
	__asm__ volatile("cpuid"
			 : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
			 : "a"(leaf), "c"(sub));
}

void smp_cpus(struct mp_cpus *cpus, uint8_t *ids)
{
	uint32_t r[4], n = fw_cfg_read32(FW_CFG_NB_CPUS);
	uint32_t threads = 1, per_pkg = 0, smt_shift = 0, pkg_shift = 0;

	if (n == 0)
		n = 1;
	if (n > 255)
		n = 255; /* the MP table has 8-bit APIC IDs */
	cpuid(1, 0, r);
	cpus->signature = r[0];
	cpus->features = r[3];
	cpuid(0, 0, r);
	if (r[0] >= 0xb) {
		cpuid(0xb, 0, r); /* SMT level */
		smt_shift = r[0] & 0x1f;
		threads = r[1] & 0xffff;
		cpuid(0xb, 1, r); /* core level */
		pkg_shift = r[0] & 0x1f;
		per_pkg = r[1] & 0xffff;
	}
	for (uint32_t i = 0; i < n; i++) {
		uint32_t id = i; /* no topology leaf: contiguous IDs */

		if (threads && per_pkg >= threads)
			id = smp_apic_id(i, threads, per_pkg, smt_shift, pkg_shift);
		ids[i] = (uint8_t)id;
	}
	cpus->count = n;
	cpus->apic_id = ids;
}

void smp_mptable(struct memmap *mm)
{
	static uint8_t ids[255];
	struct mp_cpus cpus;
	uint64_t phys;
	size_t len;
	void *t;

	smp_cpus(&cpus, ids);
	len = mptable_size(cpus.count);
	t = memmap_alloc_high(mm, (uint32_t)len, 16, &phys);
	if (!t || !mptable_build(t, len, &cpus))
		fatal(TRACE_ERR_NO_MEMORY, "no room for an MP table of %u CPUs", cpus.count);
	mptable_floating((void *)(uintptr_t)LAYOUT_MP_FLOATING, (uint32_t)phys);
	mm->low_reserved = LAYOUT_MP_FLOATING;
}
