; Option ROM for SeaBIOS: drop-in for QEMU's linuxboot_dma.bin and pvh.bin.
; SeaBIOS runs it from genroms/ in fw_cfg and calls its bootstrap entry vector
; (BEV, from the PnP header) when it boots. The BEV collects the BIOS memory
; map while BIOS services still exist, copies the 32-bit payload (the
; firmware's own kernel loader, firmware/linux_boot.c) to PAYLOAD_BASE and
; enters it in flat protected mode. It never returns to the BIOS.
; Header layout: PCI Firmware Spec 3.0 "PCI Expansion ROM", PnP BIOS Spec 1.0A.

%define PAYLOAD_BASE 0x80000  ; optionrom/layout.h ROM_PAYLOAD_BASE
%define E820_SEG 0x8f00       ; ROM_E820_BUF: 24-byte records, count at +0xffc
%define E820_MAX 128
%define SMAP 0x534d4150
%ifndef PAYLOAD_FILE
%error "PAYLOAD_FILE must name the payload binary"
%endif

bits 16
org 0
	db 0x55, 0xaa
	db 0                    ; size in 512-byte units: set by signrom
	jmp init                ; offset 3: initialisation entry
	times 0x18 - ($ - $$) db 0
	dw 0                    ; 0x18: no PCI data structure
	dw pnp                  ; 0x1a: PnP expansion header

pnp:
	db '$PnP'
	db 1                    ; structure revision
	db 2                    ; length in 16-byte units
	dw 0                    ; next header
	db 0                    ; reserved
	db 0                    ; checksum: set by signrom
	dd 0                    ; device identifier
	dw manufacturer
	dw product
	db 0, 0, 0              ; device type code
	db 0                    ; device indicators
	dw 0                    ; boot connection vector
	dw 0                    ; disconnect vector
	dw bev                  ; bootstrap entry vector
	dw 0                    ; reserved
	dw 0                    ; static resource information vector

init:
	retf                    ; nothing to set up: the BEV does the work

bev:
	cli
	cld
	; INT 15h, AX=E820h: the BIOS's map, with its own reservations
	mov ax, E820_SEG
	mov es, ax
	xor di, di
	xor ebx, ebx
	xor bp, bp
.next:
	mov dword [es:di + 20], 1   ; ACPI 3.0 attributes: "enabled" if not returned
	mov eax, 0xe820
	mov edx, SMAP
	mov ecx, 24
	int 0x15
	jc .done
	cmp eax, SMAP
	jne .done
	inc bp
	add di, 24
	test ebx, ebx
	jz .done
	cmp bp, E820_MAX
	jb .next
.done:
	mov [es:0xffc], bp
	mov word [es:0xffe], 0

	; the payload is linked at PAYLOAD_BASE
	push cs
	pop ds
	mov ax, PAYLOAD_BASE >> 4
	mov es, ax
	mov si, payload
	xor di, di
	mov cx, payload_end - payload
	rep movsb

	; its first bytes: jmp (5), pad, GDT descriptor at 8, GDT at 16
	mov ds, ax
	o32 lgdt [8]
	mov eax, cr0
	or al, 1
	mov cr0, eax
	jmp dword 0x10:PAYLOAD_BASE

manufacturer:
	db 'bootkit', 0
product:
	db 'Linux loader (32-bit boot protocol, PVH)', 0

	align 16
payload:
	incbin PAYLOAD_FILE
payload_end:
