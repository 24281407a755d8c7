/* Finds a kernel's entry address in its image; see kernel-entry.h. */
#include "kernel-entry.h"

#include <elf.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BZ_MAGIC_OFF 0x202 /* "HdrS" */
#define BZ_CODE32_START 0x214
#define XEN_ELFNOTE_PHYS32_ENTRY 18
#define MAX_READ (512u << 20)

static uint32_t le32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Walks the notes in [p, end) for Xen's PHYS32_ENTRY. */
static int xen_entry(const uint8_t *p, const uint8_t *end, uint64_t *entry)
{
	while (end - p >= 12) {
		uint32_t namesz = le32(p), descsz = le32(p + 4), type = le32(p + 8);
		const uint8_t *name = p + 12, *desc = name + ((namesz + 3) & ~3u);

		if (namesz > (size_t)(end - name) || descsz > (size_t)(end - desc))
			return -1;
		if (type == XEN_ELFNOTE_PHYS32_ENTRY && namesz == 4 && !memcmp(name, "Xen", 4) &&
		    descsz >= 4) {
			*entry = le32(desc);
			return 0;
		}
		p = desc + ((descsz + 3) & ~3u);
	}
	return -1;
}

static int elf64_entry(const uint8_t *buf, size_t len, uint64_t *entry)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)buf;

	if (len < sizeof(*eh) || eh->e_phentsize != sizeof(Elf64_Phdr) || eh->e_phoff > len ||
	    eh->e_phnum > (len - eh->e_phoff) / sizeof(Elf64_Phdr))
		return -1;
	for (int i = 0; i < eh->e_phnum; i++) {
		Elf64_Phdr ph;

		memcpy(&ph, buf + eh->e_phoff + i * sizeof(ph), sizeof(ph));
		if (ph.p_type == PT_NOTE && ph.p_offset <= len &&
		    ph.p_filesz <= len - ph.p_offset &&
		    !xen_entry(buf + ph.p_offset, buf + ph.p_offset + ph.p_filesz, entry))
			return 0;
	}
	return -1;
}

static int elf32_entry(const uint8_t *buf, size_t len, uint64_t *entry)
{
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)buf;

	if (len < sizeof(*eh) || eh->e_phentsize != sizeof(Elf32_Phdr) || eh->e_phoff > len ||
	    eh->e_phnum > (len - eh->e_phoff) / sizeof(Elf32_Phdr))
		return -1;
	for (int i = 0; i < eh->e_phnum; i++) {
		Elf32_Phdr ph;

		memcpy(&ph, buf + eh->e_phoff + i * sizeof(ph), sizeof(ph));
		if (ph.p_type == PT_NOTE && ph.p_offset <= len &&
		    ph.p_filesz <= len - ph.p_offset &&
		    !xen_entry(buf + ph.p_offset, buf + ph.p_offset + ph.p_filesz, entry))
			return 0;
	}
	return -1;
}

int kernel_entry_from_image(const uint8_t *buf, size_t len, uint64_t *entry)
{
	if (len >= EI_NIDENT && !memcmp(buf, ELFMAG, SELFMAG))
		return buf[EI_CLASS] == ELFCLASS64 ? elf64_entry(buf, len, entry)
						   : elf32_entry(buf, len, entry);
	if (len >= BZ_CODE32_START + 4 && !memcmp(buf + BZ_MAGIC_OFF, "HdrS", 4)) {
		*entry = le32(buf + BZ_CODE32_START);
		return 0;
	}
	return -1;
}

int kernel_entry_from_file(const char *path, uint64_t *entry)
{
	FILE *f = fopen(path, "rbe");
	uint8_t *buf = NULL;
	long size;
	size_t len;
	int rc = -1;

	/* The notes of a vmlinux can lie anywhere in it: read it all. */
	if (!f || fseek(f, 0, SEEK_END) || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET))
		goto out;
	len = (size_t)size < MAX_READ ? (size_t)size : MAX_READ;
	buf = malloc(len ? len : 1);
	if (buf && fread(buf, 1, len, f) == len) {
		rc = kernel_entry_from_image(buf, len, entry);
		if (rc)
			errno = ENOEXEC;
	}
out:
	if (f)
		fclose(f);
	free(buf);
	return rc;
}

int kernel_symbol_from_map(const char *path, const char *name, uint64_t *addr)
{
	FILE *f = fopen(path, "re");
	char line[512], type, sym[256];
	unsigned long long a;
	bool found = false;

	if (!f)
		return -1;
	while (!found && fgets(line, sizeof(line), f))
		if (sscanf(line, "%llx %c %255s", &a, &type, sym) == 3 &&
		    (type == 'T' || type == 't') && !strcmp(sym, name)) {
			*addr = a;
			found = true;
		}
	fclose(f);
	if (!found)
		errno = ESRCH;
	return found ? 0 : -1;
}
