/*
 * What the guest saw of boot data and devices, for the device tests:
 *   PROBE setup_data=<types of the setup_data chain, e.g. 0x2> or none
 *   PROBE disk=<name>:<sectors>:<16 bytes of sector 1, '.' for unprintables>
 *   PROBE net=<interface>:<MAC>
 */
#include "probe.h"

#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void chomp(char *s)
{
	size_t n = strlen(s);

	while (n && (s[n - 1] == '\n' || s[n - 1] == ' '))
		s[--n] = '\0';
}

/* /sys/kernel/boot_params/setup_data/<n>/type, one per node of the chain */
static void print_setup_data(void)
{
	char list[256] = "", path[300], buf[32];
	struct dirent *de;
	DIR *d = opendir("/sys/kernel/boot_params/setup_data");

	while (d && (de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/sys/kernel/boot_params/setup_data/%s/type", de->d_name);
		if (read_file(path, buf, sizeof(buf)) <= 0)
			continue;
		chomp(buf);
		if (strlen(list) + strlen(buf) + 2 < sizeof(list))
			snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s",
				 list[0] ? "," : "", buf);
	}
	if (d)
		closedir(d);
	say("PROBE setup_data=%s", list[0] ? list : "none");
}

static void print_disk(const char *name)
{
	char path[300], size[32], data[16], shown[17];
	int fd;

	snprintf(path, sizeof(path), "/sys/block/%s/size", name);
	if (read_file(path, size, sizeof(size)) <= 0)
		return;
	chomp(size);
	snprintf(path, sizeof(path), "/dev/%s", name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	memset(data, 0, sizeof(data));
	if (fd < 0 || pread(fd, data, sizeof(data), 512) != (ssize_t)sizeof(data))
		strcpy(shown, "-1");
	else {
		for (int i = 0; i < 16; i++)
			shown[i] = isprint((unsigned char)data[i]) ? data[i] : '.';
		shown[16] = '\0';
	}
	if (fd >= 0)
		close(fd);
	say("PROBE disk=%s:%s:%s", name, size, shown);
}

static void print_net(const char *name)
{
	char path[300], mac[64];

	snprintf(path, sizeof(path), "/sys/class/net/%s/address", name);
	if (read_file(path, mac, sizeof(mac)) <= 0)
		return;
	chomp(mac);
	say("PROBE net=%s:%s", name, mac);
}

static void each(const char *dir, void (*fn)(const char *), const char *skip_prefix)
{
	struct dirent *de;
	DIR *d = opendir(dir);

	while (d && (de = readdir(d)) != NULL)
		if (de->d_name[0] != '.' &&
		    strncmp(de->d_name, skip_prefix, strlen(skip_prefix)) != 0)
			fn(de->d_name);
	if (d)
		closedir(d);
}

void print_devices(void)
{
	print_setup_data();
	/* no RAM or loop disks: only what a controller gives */
	each("/sys/block", print_disk, "loop");
	each("/sys/class/net", print_net, "lo");
}
