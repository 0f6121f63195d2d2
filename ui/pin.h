/* bbs: ISC licence, see LICENSE. */
/*
 * What the pin board (ui/view-pins.c) and one pin (ui/view-pin.c) share,
 * so that neither view calls the other: the list opens a pin only
 * through its vtable.
 */
#ifndef UI_PIN_H
#define UI_PIN_H

#include <stdint.h>

struct buf;
struct ui;

/* Appends space-separated tags as "#a #b". */
void ui_pin_tags(const char *tags, struct buf *b);

/*
 * After this member changed a pin: every open view reloads, since a
 * connection's own writes do not move the data_version it polls.
 */
void ui_pin_changed(struct ui *ui);

/*
 * Opens pin's discussion thread, starting it on the board "pins" if it
 * has none; says what went wrong with ui_message().
 */
void ui_pin_discuss(struct ui *ui, int64_t pin);

#endif
