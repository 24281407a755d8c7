/* Bus enumeration: bridges get bus numbers, functions with an interrupt pin
 * get INTERRUPT_LINE. Every register read here is a device access, so each
 * function costs two reads (header type, interrupt pin) and at most one write. */
#include "pci.h"

/* Devices behind a bridge reach bus 0 through the PCI-to-PCI bridge swizzle
 * (PCI-to-PCI Bridge Architecture spec, table 9-1): pin' = (pin - 1 + slot) % 4. */
struct bus_path {
	int root_slot; /* slot on bus 0 of the bridge leading here; -1 on bus 0 */
	uint8_t add;   /* sum of the slots of the bridges below the root one */
};

static void scan_bus(struct pci_scan *s, uint8_t bus, struct bus_path path);

static void setup_irq(struct pci_scan *s, uint16_t bdf, uint8_t slot, struct bus_path path)
{
	uint32_t v = pci_read32(bdf, PCI_INTERRUPT_LINE);
	uint8_t pin = (uint8_t)(v >> 8);
	uint8_t root = path.root_slot < 0 ? slot : (uint8_t)path.root_slot;
	uint8_t add = path.root_slot < 0 ? 0 : (uint8_t)(path.add + slot);

	if (pin < 1 || pin > 4)
		return;
	pin = (uint8_t)((pin - 1 + add) % 4 + 1);
	pci_write8(bdf, PCI_INTERRUPT_LINE, s->irq_for(root, pin));
}

static void setup_bridge(struct pci_scan *s, uint16_t bdf, uint8_t bus, uint8_t slot,
			 struct bus_path path)
{
	uint8_t secondary;
	struct bus_path child;

	if (s->max_bus == 0xff)
		return; /* out of bus numbers: leave it unconfigured */
	secondary = ++s->max_bus;
	/* Subordinate 0xff while the buses below are scanned, so no number
	 * handed out below can alias anything else; then the real one. */
	pci_write32(bdf, PCI_PRIMARY_BUS, (uint32_t)bus | (uint32_t)secondary << 8 | 0xffu << 16);
	child.root_slot = path.root_slot < 0 ? slot : path.root_slot;
	child.add = path.root_slot < 0 ? 0 : (uint8_t)(path.add + slot);
	scan_bus(s, secondary, child);
	pci_write8(bdf, PCI_SUBORDINATE_BUS, s->max_bus);
}

static void scan_bus(struct pci_scan *s, uint8_t bus, struct bus_path path)
{
	for (uint8_t slot = (bus == 0 && s->skip_slot0) ? 1 : 0; slot < 32; slot++) {
		for (uint8_t fn = 0; fn < 8; fn++) {
			uint16_t bdf = PCI_BDF(bus, slot, fn);
			uint8_t hdr;

			if (s->isa_bridge && bdf == s->isa_bridge) {
				s->functions++;
				continue; /* multi-function, no pin: go on to fn 1 */
			}
			/* Reading the header-type dword also tells presence: an
			 * absent function reads all ones, and 0xff is no valid
			 * header type. It saves the vendor-ID read. */
			hdr = (uint8_t)(pci_read32(bdf, PCI_HEADER_DWORD) >> 16);
			if (hdr == 0xff) {
				if (fn == 0)
					break;
				continue;
			}
			s->functions++;
			setup_irq(s, bdf, slot, path);
			if ((hdr & 0x7f) == 1)
				setup_bridge(s, bdf, bus, slot, path);
			if (fn == 0 && !(hdr & 0x80))
				break;
		}
	}
}

void pci_scan(struct pci_scan *s)
{
	struct bus_path root = { -1, 0 };

	s->max_bus = 0;
	s->functions = 0;
	scan_bus(s, 0, root);
}
