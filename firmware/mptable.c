/* MP table construction (MultiProcessor Specification 1.4, chapter 4). */
#include "mptable.h"

enum { MP_PROCESSOR, MP_BUS, MP_IOAPIC, MP_IOINTR, MP_LINTR };
enum { MP_INT, MP_NMI, MP_SMI, MP_EXTINT };

size_t mptable_size(uint32_t cpus)
{
	/* CPUs, the bus, the I/O APIC, ExtINT + 15 ISA IRQs, two local entries */
	return MP_HEADER_SIZE + (size_t)cpus * MP_CPU_ENTRY +
	       (2 + MP_ISA_IRQS + 2) * MP_SMALL_ENTRY;
}

static uint8_t *intr(uint8_t *e, uint8_t type, uint8_t kind, uint8_t src_irq, uint8_t dst_apic,
		     uint8_t dst_pin)
{
	/* bytes 2-4 stay 0 from the memset: polarity and trigger conform to the
	 * bus (ISA: high, edge), source bus 0 is ISA */
	e[0] = type;
	e[1] = kind;
	e[5] = src_irq;
	e[6] = dst_apic;
	e[7] = dst_pin;
	return e + MP_SMALL_ENTRY;
}

size_t mptable_build(void *buf, size_t cap, const struct mp_cpus *cpus)
{
	size_t len = mptable_size(cpus->count);
	uint8_t *t = buf, *e = t + MP_HEADER_SIZE;
	uint8_t ioapic_id = 0;
	uint16_t entries = 0;

	if (cpus->count == 0 || cpus->count > 255 || len > cap || len > 0xffff)
		return 0;
	memset(t, 0, len);
	for (uint32_t i = 0; i < cpus->count; i++, entries++, e += MP_CPU_ENTRY) {
		e[0] = MP_PROCESSOR;
		e[1] = cpus->apic_id[i];
		e[2] = MP_LAPIC_VERSION;
		e[3] = 0x01 | (i == 0 ? 0x02 : 0); /* enabled, boot processor */
		put32(e, 4, cpus->signature);
		put32(e, 8, cpus->features);
		if (cpus->apic_id[i] >= ioapic_id)
			ioapic_id = (uint8_t)(cpus->apic_id[i] + 1);
	}
	/* the I/O APIC's ID must differ from every local APIC's */
	e[0] = MP_BUS;
	memcpy(e + 2, "ISA   ", 6);
	e += MP_SMALL_ENTRY;
	e[0] = MP_IOAPIC;
	e[1] = ioapic_id;
	e[2] = MP_IOAPIC_VERSION;
	e[3] = 0x01; /* enabled */
	put32(e, 4, MP_IOAPIC_ADDR);
	e += MP_SMALL_ENTRY;
	entries += 2;
	e = intr(e, MP_IOINTR, MP_EXTINT, 0, ioapic_id, 0);
	for (uint8_t irq = 0; irq < MP_ISA_IRQS; irq++) {
		if (irq == 2)
			continue; /* the cascade: no line of its own */
		e = intr(e, MP_IOINTR, MP_INT, irq, ioapic_id, irq == 0 ? 2 : irq);
	}
	e = intr(e, MP_LINTR, MP_EXTINT, 0, 0xff, 0);
	e = intr(e, MP_LINTR, MP_NMI, 0, 0xff, 1);
	entries += 1 + MP_ISA_IRQS - 1 + 2;

	memcpy(t, "PCMP", 4);
	put16(t, 4, (uint16_t)len);
	t[6] = 4; /* spec revision 1.4 */
	memcpy(t + 8, "QEMU    ", 8);
	memcpy(t + 16, "bootkit     ", 12);
	put16(t, 34, entries);
	put32(t, 36, MP_LAPIC_ADDR);
	t[7] = checksum(t, len);
	return len;
}

void mptable_floating(void *fp, uint32_t table_phys)
{
	uint8_t *f = fp;

	memset(f, 0, MP_FLOATING_SIZE);
	memcpy(f, "_MP_", 4);
	put32(f, 4, table_phys);
	f[8] = 1; /* length in 16-byte units */
	f[9] = 4; /* spec revision 1.4 */
	/* feature byte 1 = 0: a configuration table is present */
	f[10] = checksum(f, MP_FLOATING_SIZE);
}
