/* bbs: ISC licence, see LICENSE. */
/*
 * The one-line text field (see field.h): the keys of the search line,
 * mapped once onto the edits of ui/edit.c, and the line drawn through
 * ui_draw_text(). Knows no view and no store.
 */
#include "ui/field.h"

enum ui_key_result
ui_field_key(struct edit *e, int key)
{
	switch (key) {
	case UI_KEY(KEY_LEFT):
		edit_left(e);
		return UI_KEY_USED;
	case UI_KEY(KEY_RIGHT):
		edit_right(e);
		return UI_KEY_USED;
	case UI_KEY(KEY_HOME):
	case UI_CTRL('a'):
		edit_first(e);
		return UI_KEY_USED;
	case UI_KEY(KEY_END):
	case UI_CTRL('e'):
		edit_last(e);
		return UI_KEY_USED;
	case UI_KEY(KEY_BACKSPACE):
	case 0x7f:
	case UI_CTRL('h'):
		edit_backspace(e);
		return UI_KEY_USED;
	case UI_KEY(KEY_DC):
		edit_delete(e);
		return UI_KEY_USED;
	case UI_CTRL('u'):
		edit_first(e);
		edit_kill(e);
		return UI_KEY_USED;
	}
	if ((key & UI_FN) || key < 0x20 || (key >= 0x7f && key < 0xa0))
		return UI_KEY_UNUSED;
	edit_insert_cp(e, (uint32_t)key);
	return UI_KEY_USED;
}

void
ui_field_draw(struct ui *ui, WINDOW *w, const struct edit *e, int y, int x,
    int width, attr_t attr, int cursor)
{
	size_t from = edit_hscroll(e, width);

	ui_draw_text(w, y, x, width, e->s + from, e->len - from, attr);
	if (cursor)
		ui_cursor(
		    ui, y, x + text_span_width(e->s + from, e->cur - from));
}
