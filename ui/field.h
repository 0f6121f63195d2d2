/* bbs: ISC licence, see LICENSE. */
/*
 * The one-line text field (ui/field.c): a struct edit made with single
 * set, its editing keys and its drawing. The search line, erase-me's
 * confirmation and the fields of ui/form.h take its keys (erase-me
 * leaves out Home, End and Delete; a form has its own Ctrl-U, to the
 * start); the editor's title is drawn by it but edited with the editor's
 * keys. The field knows no view: each view decides which keys reach it
 * and where it is drawn.
 */
#ifndef UI_FIELD_H
#define UI_FIELD_H

#include "ui/edit.h"
#include "ui/ui-int.h"

/*
 * The field's editing keys: Left, Right, Home and End (also Ctrl-A,
 * Ctrl-E), Backspace (also 0x7f, Ctrl-H), Delete, Ctrl-U (clears the
 * line), and a printable character, inserted at the cursor as
 * edit_insert_cp() keeps it. UI_KEY_USED for these, UI_KEY_UNUSED for
 * any other key, which leaves e unchanged.
 */
enum ui_key_result ui_field_key(struct edit *e, int key);

/*
 * Draws e in width columns at (y, x) with attr, scrolled sideways so
 * that the cursor is in view; with cursor, shows the terminal's cursor
 * there (ui_cursor()).
 */
void ui_field_draw(struct ui *ui, WINDOW *w, const struct edit *e, int y, int x,
    int width, attr_t attr, int cursor);

#endif
