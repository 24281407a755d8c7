/* probe_devices.c: setup_data the kernel received, disks, network interfaces. */
#ifndef PROBE_DEVICES_H
#define PROBE_DEVICES_H

/* Prints their PROBE lines (the list is at the top of probe_devices.c). */
void print_devices(void);

#endif
