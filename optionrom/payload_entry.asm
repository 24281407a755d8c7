; The option ROM payload's first bytes (the stub relies on this layout): a
; jump, the GDT descriptor at +8, the GDT at +16; then the 32-bit entry, which
; sets up the stack and .bss like the firmware does and calls rom_main.

%include "start32.inc"
extern rom_main

section .payload_head progbits alloc exec nowrite align=16
bits 32
global payload_start
payload_start:
	jmp near entry32
	times 8 - ($ - $$) db 0
gdt_desc:
	dw gdt_end - gdt - 1
	dd gdt
	times 16 - ($ - $$) db 0
gdt:
	dq 0
	dq 0
	dq 0x00cf9b000000ffff   ; 0x10: flat 32-bit code (the boot protocols' __BOOT_CS)
	dq 0x00cf93000000ffff   ; 0x18: flat data
gdt_end:

entry32:
	START32 rom_main

section .note.GNU-stack noalloc noexec nowrite progbits
