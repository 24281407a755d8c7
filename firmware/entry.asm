; Reset vector and the switch to 32-bit flat protected mode. The CPU starts in
; real mode at 0xFFFFFFF0 with CS base 0xFFFF0000; we stay there for a handful
; of instructions, load a GDT from ROM and run C from the ROM's 4 GiB mapping.
; Everything here lives in the init block at the end of the image (linker/bios.lds).

%define CODE_SEL 0x10   ; the Linux 32-bit boot protocol's __BOOT_CS (data: start32.inc)
%define INIT_BLOCK_OFF 0xff00 ; .init16 sits at 0xFFFFFF00 (asserted in linker/bios.lds)

%include "start32.inc"
extern fw_main

section .init16 progbits alloc exec nowrite align=16
bits 16
global reset_entry
reset_entry:
	cli
	cld
	; a 16-bit offset within the CS=0xF000 segment (the image's last 64 KiB)
	o32 lgdt [cs:INIT_BLOCK_OFF + gdt_desc - $$]
	mov eax, cr0
	or al, 1
	mov cr0, eax
	jmp dword CODE_SEL:entry32

bits 32
entry32:
	START32 fw_main

	align 8
; Descriptors in ROM carry the accessed bit already (0x9B, 0x93): the CPU
; would otherwise try to set it on load, and a ROM write can loop forever.
gdt:
	dq 0
	dq 0
	dq 0x00cf9b000000ffff   ; 0x10: code, base 0, limit 4 GiB, 32-bit
	dq 0x00cf93000000ffff   ; 0x18: data, base 0, limit 4 GiB
gdt_end:
gdt_desc:
	dw gdt_end - gdt - 1
	dd gdt

section .resetvector progbits alloc exec nowrite align=1
bits 16
global reset_vector
reset_vector:
	jmp reset_entry
	times 16 - ($ - $$) db 0
section .note.GNU-stack noalloc noexec nowrite progbits
