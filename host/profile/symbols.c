/* Symbol tables from ELF files and symbol text; see symbols.h. */
#include "symbols.h"

#include <elf.h>
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KERNEL_TEXT 0xffffffff80000000ull
#define MODULES_START 0xffffffffa0000000ull
#define MODULES_END 0xffffffffff000000ull
#define USER_END 0x0000800000000000ull
/* The longest a function without a size is taken to be (the kernel's are far shorter). */
#define UNSIZED_MAX (1u << 20)

static char *keep(struct symbols *t, const char *s)
{
	char *copy;

	if (t->n_strings == t->cap_strings) {
		size_t cap = t->cap_strings ? 2 * t->cap_strings : 256;
		char **n = realloc(t->strings, cap * sizeof(*n));

		if (!n)
			return NULL;
		t->strings = n;
		t->cap_strings = cap;
	}
	copy = strdup(s);
	if (copy)
		t->strings[t->n_strings++] = copy;
	return copy;
}

int symbols_add(struct symbols *t, uint64_t addr, uint64_t size, const char *name,
		const char *module)
{
	/* Module names repeat: one copy while they do. */
	const char *n = keep(t, name), *m = t->last_module && !strcmp(t->last_module, module)
						    ? t->last_module
						    : keep(t, module);

	if (!n || !m)
		return -1;
	t->last_module = m;
	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 1024;
		struct symbol *s = realloc(t->s, cap * sizeof(*s));

		if (!s)
			return -1;
		t->s = s;
		t->cap = cap;
	}
	/* end 0: up to the next symbol (text files give no sizes). */
	t->s[t->n++] = (struct symbol){ addr, size ? addr + size : 0, n, m };
	t->sorted = 0;
	return 0;
}

/* The bytes of a file, malloc'd; NULL with errno. */
static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) ||
	    !(buf = malloc((size_t)n + 1)) || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		fclose(f);
		errno = errno ? errno : EIO;
		return NULL;
	}
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* A little-endian field of size bytes at p. */
static uint64_t get(const unsigned char *p, int size)
{
	uint64_t v = 0;

	for (int i = size - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/* Where ELF32 and ELF64 keep the fields used here (the System V ABI's layouts). */
struct elf_layout {
	int shoff, shoff_size, shentsize, shnum, sh_size_of;
	int sh_flags, sh_offset, sh_size, sh_link, word;
	int sym_size, st_value, st_size, st_info, st_shndx;
};

static const struct elf_layout elf32 = { 0x20, 4, 0x2e, 0x30, 40, 8,  0x10, 0x14,
					 0x18, 4, 16,   4,    8,  12, 14 };
static const struct elf_layout elf64 = { 0x28, 8, 0x3a, 0x3c, 64, 8, 0x18, 0x20,
					 0x28, 8, 24,   8,    16, 4, 6 };

/* Section i's header, or NULL if it lies outside the file. */
static const unsigned char *section(const unsigned char *b, size_t len, const struct elf_layout *l,
				    unsigned i)
{
	uint64_t shoff = get(b + l->shoff, l->shoff_size), shnum = get(b + l->shnum, 2);

	if (get(b + l->shentsize, 2) != (uint64_t)l->sh_size_of || i >= shnum || shoff > len ||
	    shnum > (len - shoff) / l->sh_size_of)
		return NULL;
	return b + shoff + (uint64_t)i * l->sh_size_of;
}

/* A section's bytes [*off, *off + *size) if they lie in the file. */
static int extent(const unsigned char *sh, size_t len, const struct elf_layout *l, uint64_t *off,
		  uint64_t *size)
{
	*off = get(sh + l->sh_offset, l->word);
	*size = get(sh + l->sh_size, l->word);
	return *off <= len && *size <= len - *off ? 0 : -1;
}

/* An ELF's function symbols: STT_FUNC, and untyped ones in code (asm labels). */
static int elf_symbols(struct symbols *t, const unsigned char *b, size_t len, const char *module)
{
	const struct elf_layout *l = b[EI_CLASS] == ELFCLASS64 ? &elf64 : &elf32;
	const unsigned char *sh, *str_sh, *def;
	int found = 0;

	if (len < 0x40)
		return -1;
	for (unsigned i = 0; (sh = section(b, len, l, i)); i++) {
		uint64_t off, size, str_off, str_size;

		if (get(sh + 4, 4) != SHT_SYMTAB || extent(sh, len, l, &off, &size) ||
		    !(str_sh = section(b, len, l, (unsigned)get(sh + l->sh_link, 4))) ||
		    extent(str_sh, len, l, &str_off, &str_size) || !str_size ||
		    b[str_off + str_size - 1])
			continue;
		for (uint64_t k = 0; k + l->sym_size <= size; k += l->sym_size) {
			const unsigned char *sym = b + off + k;
			uint64_t name = get(sym, 4), shndx = get(sym + l->st_shndx, 2);
			int type = sym[l->st_info] & 0xf;

			if ((type != STT_FUNC && type != STT_NOTYPE) || !shndx ||
			    shndx >= SHN_LORESERVE || name >= str_size || !b[str_off + name] ||
			    !(def = section(b, len, l, shndx)) ||
			    !(get(def + l->sh_flags, l->word) & SHF_EXECINSTR))
				continue;
			if (symbols_add(t, get(sym + l->st_value, l->word),
					get(sym + l->st_size, l->word),
					(const char *)b + str_off + name, module))
				return -1;
			found = 1;
		}
	}
	return found ? 0 : -1;
}

/* "ffffffff81aec9b2 T start_kernel", "... t virtio_dev_probe\t[virtio]". */
static int text_symbols(struct symbols *t, char *text, const char *module)
{
	char *save = NULL;
	int found = 0;

	for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char type, name[256], mod[128] = "";
		unsigned long long addr;

		if (sscanf(line, "%llx %c %255s [%127[^]]]", &addr, &type, name, mod) < 3)
			continue;
		if (type != 't' && type != 'T' && type != 'w' && type != 'W')
			continue;
		if (symbols_add(t, addr, 0, name, mod[0] ? mod : module))
			return -1;
		found = 1;
	}
	return found ? 0 : -1;
}

int symbols_load_buffer(struct symbols *t, char *buf, size_t len, const char *module)
{
	int rc;

	buf[len] = '\0';
	errno = 0;
	if (len >= EI_NIDENT && !memcmp(buf, ELFMAG, SELFMAG))
		rc = elf_symbols(t, (const unsigned char *)buf, len, module);
	else
		rc = text_symbols(t, buf, module);
	if (rc && !errno)
		errno = ENOEXEC;
	return rc;
}

int symbols_load(struct symbols *t, const char *path)
{
	size_t len = 0;
	unsigned char *b = slurp(path, &len);
	char *copy = strdup(path);
	int rc = -1;

	if (b && copy)
		rc = symbols_load_buffer(t, (char *)b, len, basename(copy));
	free(b);
	free(copy);
	return rc;
}

static int by_addr(const void *a, const void *b)
{
	const struct symbol *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	/* At one address, a sized symbol (an ELF's) before an unsized one. */
	return (x->end == 0) - (y->end == 0);
}

static void sort(struct symbols *t)
{
	size_t w = 0;

	if (t->n)
		qsort(t->s, t->n, sizeof(*t->s), by_addr);
	/* One symbol per address; an unsized one ends where the next begins. */
	for (size_t i = 0; i < t->n; i++) {
		if (w && t->s[w - 1].addr == t->s[i].addr)
			continue;
		t->s[w++] = t->s[i];
	}
	t->n = w;
	/*
	 * An unsized one ends where the next of its file begins, if that is near:
	 * the last of a file (or of a kernel module) does not cover what follows.
	 */
	for (size_t i = 0; i < t->n; i++) {
		const struct symbol *next = i + 1 < t->n ? &t->s[i + 1] : NULL;

		if (t->s[i].end)
			continue;
		if (next && !strcmp(next->module, t->s[i].module) &&
		    next->addr - t->s[i].addr <= UNSIZED_MAX)
			t->s[i].end = next->addr;
		else
			t->s[i].end = t->s[i].addr + 1;
	}
	t->sorted = 1;
}

const struct symbol *symbols_find(struct symbols *t, uint64_t addr)
{
	size_t lo = 0, hi;

	if (!t->sorted)
		sort(t);
	hi = t->n;
	/* The last symbol starting at or below addr. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->s[mid].addr <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo || addr >= t->s[lo - 1].end)
		return NULL;
	return &t->s[lo - 1];
}

int symbols_is_kernel(uint64_t addr)
{
	return addr >= KERNEL_TEXT;
}

const char *symbols_region(uint64_t addr, int after_kernel)
{
	/* The BIOS's legacy alias below 1 MiB and its mapping below 4 GiB. */
	if ((addr >= 0xe0000 && addr < 0x100000) || (addr >= 0xfff00000 && addr < 0x100000000ull))
		return "firmware";
	if (addr >= MODULES_START && addr < MODULES_END)
		return "kernel modules";
	if (addr >= KERNEL_TEXT)
		return "kernel text";
	if (addr < USER_END)
		return after_kernel ? "user space" : "low memory (decompressor or early boot)";
	return "other";
}

void symbols_free(struct symbols *t)
{
	for (size_t i = 0; i < t->n_strings; i++)
		free(t->strings[i]);
	free(t->strings);
	free(t->s);
	*t = (struct symbols){ 0 };
}
