/*
 * Intel MultiProcessor Specification 1.4 tables, for guests without ACPI
 * (e.g. microvm with acpi=off): the only way such a kernel learns of the
 * other CPUs and the I/O APIC. Sized for the real CPU count.
 */
#ifndef MPTABLE_H
#define MPTABLE_H

#include "fwlib.h"

#define MP_FLOATING_SIZE 16
#define MP_HEADER_SIZE 44
#define MP_CPU_ENTRY 20
#define MP_SMALL_ENTRY 8 /* bus, I/O APIC, interrupt entries */
#define MP_ISA_IRQS 16
#define MP_LAPIC_ADDR 0xfee00000u
#define MP_IOAPIC_ADDR 0xfec00000u
#define MP_LAPIC_VERSION 0x14  /* QEMU's local APIC */
#define MP_IOAPIC_VERSION 0x20 /* QEMU's I/O APIC (version 0x20) */

struct mp_cpus {
	uint32_t count;
	const uint8_t *apic_id; /* count entries; [0] is the boot CPU */
	uint32_t signature;     /* CPUID 1 EAX */
	uint32_t features;      /* CPUID 1 EDX */
};

/* Bytes the configuration table needs for count CPUs. */
size_t mptable_size(uint32_t cpus);
/* Builds the configuration table at buf (cap bytes); 0 if it does not fit,
 * else its length. One ISA bus, one I/O APIC, ISA IRQs identity-mapped but
 * IRQ 0 on pin 2 (QEMU's wiring), ExtINT/NMI on LINT0/LINT1. */
size_t mptable_build(void *buf, size_t cap, const struct mp_cpus *cpus);
/* The 16-byte "_MP_" floating pointer structure pointing at table_phys. */
void mptable_floating(void *fp, uint32_t table_phys);

#endif
