; Calibration firmware for tests/bench/delay-bench.sh: trace points a known
; time apart, timed on PIT channel 2, so every method of boot-loop can be
; checked against a known interval. No kernel, no C, no memory set-up:
;   fw_start (1 on 0xf5), 200 ms, fw_do_boot (5 on 0xf5), jump (3 on 0xf4),
;   100 ms, probe (8 on 0xf4), then cli; hlt.
; Expected: tFW = 200 ms (fw_start to the jump), tKernel = 100 ms (jump to
; the probe), both plus a few microseconds of instructions.
;
;   nasm -f bin -o delay-fw.bin delay-fw.asm     (64 KiB, for qemu -bios)
;
; QEMU maps the image at 4 GiB - 64 KiB; the CPU starts in real mode at
; F000:FFF0 with CS base 0xFFFF0000, so CS-relative offsets are image offsets.

bits 16
org 0

PIT_HZ		equ 1193182		; the PIT's input clock
CHUNK		equ 59659		; ticks in 50 ms: 1193182 * 0.05 = 59659.1
PORT_FW		equ 0xf5
PORT_LINUX	equ 0xf4

start:
	cli
	cld
	xor ax, ax
	mov ss, ax
	mov sp, 0x7000			; RAM is there from reset on
	; Port 0x61: bit 0 gates channel 2, bit 1 would drive the speaker.
	in al, 0x61
	and al, 0xfc
	or al, 0x01
	out 0x61, al

	mov al, 1			; fw_start
	out PORT_FW, al
	mov cx, 4			; 4 x 50 ms
	call wait_chunks
	mov al, 5			; fw_do_boot
	out PORT_FW, al
	mov al, 3			; linux_start_boot: "the jump"
	out PORT_LINUX, al
	mov cx, 2			; 2 x 50 ms
	call wait_chunks
	mov al, 8			; user_probe
	out PORT_LINUX, al
.halt:
	cli
	hlt
	jmp .halt

; Waits CX x CHUNK ticks. Mode 0 (interrupt on terminal count): loading the
; count starts the countdown and OUT2 (port 0x61 bit 5) goes high at zero.
; A 16-bit counter holds at most 54.9 ms, hence the chunks; reloading costs
; a few instructions per chunk, microseconds even under TCG.
wait_chunks:
.next:
	mov al, 0xb0			; channel 2, low then high byte, mode 0, binary
	out 0x43, al
	mov al, CHUNK & 0xff
	out 0x42, al
	mov al, CHUNK >> 8
	out 0x42, al
.poll:
	in al, 0x61
	test al, 0x20
	jz .poll
	loop .next
	ret

	times 0xfff0 - ($ - $$) db 0
reset:					; F000:FFF0, the reset vector
	jmp start
	times 0x10000 - ($ - $$) db 0
