/*
 * Where a tool finds the kit's own files (bios.bin, the initramfs, Debian's
 * kernel): in a build tree the tool is $(BUILD)/host/TOOL and they are under
 * $(BUILD); installed (make install) it is PREFIX/bin/TOOL and they are under
 * PREFIX/share/bootkit, laid out the same way.
 */
#ifndef KIT_FILES_H
#define KIT_FILES_H

/* The folder the kit's files are in, malloc'd; NULL if the tool cannot tell. */
char *kit_data_dir(void);

/* dir/rel, malloc'd (NULL if dir is NULL or memory ran out). */
char *kit_file(const char *dir, const char *rel);

/*
 * QEMU as execvp would find it: a path that must be executable, or a name
 * searched in PATH. malloc'd; NULL with errno (ENOENT: not in PATH).
 */
char *kit_find_program(const char *name);

#endif
