/* signrom IN OUT: pads an option ROM to whole 512-byte blocks, writes its size
 * byte, the PnP header checksum and the image checksum (all bytes sum to 0). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROM (255 * 512)

static unsigned char rom[MAX_ROM];

static unsigned char sum(const unsigned char *p, size_t n)
{
	unsigned char s = 0;

	while (n--)
		s += *p++;
	return s;
}

int main(int argc, char **argv)
{
	FILE *f;
	size_t len, size, pnp;

	if (argc != 3) {
		fprintf(stderr, "usage: signrom IN OUT\n");
		return 2;
	}
	f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	len = fread(rom, 1, sizeof(rom), f);
	if (!feof(f) || ferror(f)) {
		fprintf(stderr, "signrom: %s is larger than %d bytes\n", argv[1], MAX_ROM - 1);
		return 1;
	}
	fclose(f);
	if (len < 0x1c || rom[0] != 0x55 || rom[1] != 0xaa) {
		fprintf(stderr, "signrom: %s does not start with an option ROM header\n", argv[1]);
		return 1;
	}
	size = (len + 1 + 511) / 512 * 512; /* one spare byte for the checksum */
	if (size > MAX_ROM) {
		fprintf(stderr, "signrom: %s needs %zu bytes, more than %d\n", argv[1], size,
			MAX_ROM);
		return 1;
	}
	rom[2] = (unsigned char)(size / 512);
	pnp = rom[0x1a] | rom[0x1b] << 8;
	if (pnp) {
		if (pnp + 32 > len || memcmp(rom + pnp, "$PnP", 4)) {
			fprintf(stderr, "signrom: bad PnP header offset 0x%zx\n", pnp);
			return 1;
		}
		rom[pnp + 9] = 0;
		rom[pnp + 9] = (unsigned char)-sum(rom + pnp, rom[pnp + 5] * 16u);
	}
	rom[size - 1] = 0;
	rom[size - 1] = (unsigned char)-sum(rom, size);
	f = fopen(argv[2], "wb");
	if (!f || fwrite(rom, 1, size, f) != size || fclose(f)) {
		perror(argv[2]);
		return 1;
	}
	return 0;
}
