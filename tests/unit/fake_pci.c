#include "fake_pci.h"
#include "pci.h"

#include <string.h>

struct fake_fn fake_pci[FAKE_PCI_BUSES][32][8];
unsigned fake_pci_accesses;

void fake_pci_reset(void)
{
	memset(fake_pci, 0, sizeof(fake_pci));
	fake_pci_accesses = 0;
}

struct fake_fn *fake_pci_add(uint8_t bus, uint8_t dev, uint8_t fn, uint32_t id, uint8_t header_type)
{
	struct fake_fn *f = &fake_pci[bus][dev][fn];

	f->present = true;
	memcpy(f->cfg, &id, 4);
	f->cfg[0x0e] = header_type;
	return f;
}

void fake_pci_bar(struct fake_fn *f, int bar, uint64_t size, uint8_t flags)
{
	f->bar[bar].size = size;
	f->bar[bar].flags = flags;
}

uint32_t fake_pci_cfg32(const struct fake_fn *f, uint8_t off)
{
	uint32_t v;

	memcpy(&v, f->cfg + off, 4);
	return v;
}

uint64_t fake_pci_bar_addr(const struct fake_fn *f, int bar)
{
	uint8_t off = bar == 6 ? ((f->cfg[0x0e] & 0x7f) == 1 ? 0x38 : 0x30)
			       : (uint8_t)(0x10 + 4 * bar);
	uint64_t v = fake_pci_cfg32(f, off);

	if (bar < 6 && (f->bar[bar].flags & 6) == 4)
		v |= (uint64_t)fake_pci_cfg32(f, (uint8_t)(off + 4)) << 32;
	return v & (f->bar[bar].flags & 1 ? ~3ull : bar == 6 ? ~0x7ffull : ~0xfull);
}

static struct fake_fn *fn_at(uint16_t bdf)
{
	uint8_t bus = (uint8_t)(bdf >> 8);

	return bus < FAKE_PCI_BUSES ? &fake_pci[bus][bdf >> 3 & 31][bdf & 7] : NULL;
}

/* Which BAR (0-5, 6 = ROM) a dword is, and whether it is a 64-bit BAR's
 * upper half; -1 for other registers. */
static int bar_of(const struct fake_fn *f, uint16_t off, bool *upper)
{
	bool bridge = (f->cfg[0x0e] & 0x7f) == 1;

	*upper = false;
	if (off == (bridge ? 0x38 : 0x30))
		return 6;
	if (off < 0x10 || off >= (bridge ? 0x18 : 0x28))
		return -1;
	int i = (off - 0x10) / 4;
	if (i > 0 && f->bar[i].size == 0 && (f->bar[i - 1].flags & 6) == 4 && f->bar[i - 1].size) {
		*upper = true;
		return i - 1;
	}
	return i;
}

uint32_t pci_read32(uint16_t bdf, uint16_t off)
{
	struct fake_fn *f = fn_at(bdf);

	fake_pci_accesses++;
	if (!f || !f->present)
		return ~0u;
	return fake_pci_cfg32(f, (uint8_t)off);
}

void pci_write32(uint16_t bdf, uint16_t off, uint32_t v)
{
	struct fake_fn *f = fn_at(bdf);
	bool upper;
	int i;

	fake_pci_accesses++;
	if (!f || !f->present)
		return;
	f->writes++;
	i = bar_of(f, off, &upper);
	if (i >= 0) {
		const struct fake_bar *b = &f->bar[i];
		uint64_t mask = ~(b->size - 1);

		if (!b->size)
			v = 0;
		else if (upper)
			v &= (uint32_t)(mask >> 32);
		else if (i == 6)
			v = (v & (uint32_t)mask & 0xfffff801u);
		else if (b->flags & 1)
			v = (v & (uint32_t)mask & 0xfffcu) | 1;
		else
			v = (v & (uint32_t)mask & ~0xfu) | b->flags;
	}
	memcpy(f->cfg + off, &v, 4);
}

void pci_write8(uint16_t bdf, uint16_t off, uint8_t v)
{
	struct fake_fn *f = fn_at(bdf);

	fake_pci_accesses++;
	if (!f || !f->present)
		return;
	f->writes++;
	f->cfg[off] = v;
}
