/* bbs: ISC licence, see LICENSE. */
/*
 * Moving through a list or a page: the same keys in every view (SPEC
 * section 5), mapped once here to a motion that each view carries out.
 */
#include <stddef.h>

#include "ui/ui-int.h"

/*
 * The motion keys. A new one: its key in ui_motion_help too (back's in
 * ui_motion_back_keys: each view that goes back says where; each view
 * that opens says what, in its own help).
 */
static const struct {
	int key;
	enum ui_motion motion;
} ui_motion_keys[] = {
	{ UI_KEY(KEY_UP), UI_MOTION_UP },
	{ 'k', UI_MOTION_UP },
	{ UI_KEY(KEY_DOWN), UI_MOTION_DOWN },
	{ 'j', UI_MOTION_DOWN },
	{ UI_KEY(KEY_PPAGE), UI_MOTION_PAGE_UP },
	{ UI_CTRL('b'), UI_MOTION_PAGE_UP },
	{ UI_KEY(KEY_NPAGE), UI_MOTION_PAGE_DOWN },
	{ UI_CTRL('f'), UI_MOTION_PAGE_DOWN },
	{ ' ', UI_MOTION_PAGE_DOWN },
	{ UI_KEY(KEY_HOME), UI_MOTION_FIRST },
	{ 'g', UI_MOTION_FIRST },
	{ UI_KEY(KEY_END), UI_MOTION_LAST },
	{ 'G', UI_MOTION_LAST },
	{ 'h', UI_MOTION_BACK },
	{ UI_KEY(KEY_LEFT), UI_MOTION_BACK },
	{ '\r', UI_MOTION_OPEN },
	{ '\n', UI_MOTION_OPEN },
	{ UI_KEY(KEY_ENTER), UI_MOTION_OPEN },
	{ 'l', UI_MOTION_OPEN },
	{ UI_KEY(KEY_RIGHT), UI_MOTION_OPEN },
};

/*
 * Said once for every view that moves, lists and pages alike, as tmux's
 * mode-tree.c adds its keys to each mode's help.
 */
const struct ui_help ui_motion_help[] = {
	{ "j k Up Down", "a line down or up", NULL, 0 },
	{ "PgUp PgDn", "a page up or down (also Ctrl-B Ctrl-F, space)", NULL,
	    0 },
	{ "g G Home End", "to the start or the end", NULL, 0 },
	{ "arrows", NULL, "arrows PgUp PgDn scroll", 0 },
	{ NULL, NULL, NULL, 0 },
};

const char ui_motion_back_keys[] = "h Left";

enum ui_motion
ui_motion(int key)
{
	enum ui_motion m = UI_MOTION_NONE;
	size_t i;

	for (i = 0; i < sizeof ui_motion_keys / sizeof ui_motion_keys[0] &&
	            m == UI_MOTION_NONE;
	     i++) {
		if (ui_motion_keys[i].key == key)
			m = ui_motion_keys[i].motion;
	}
	return m;
}

void
ui_list_clamp(struct ui_list *l, int rows)
{
	if (rows < 1)
		rows = 1;
	if (l->sel >= l->n)
		l->sel = l->n - 1;
	if (l->sel < 0)
		l->sel = 0;
	if (l->top > l->sel)
		l->top = l->sel;
	if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	if (l->top > l->n - rows)
		l->top = l->n - rows;
	if (l->top < 0)
		l->top = 0;
}

int
ui_list_page(int rows, int item_rows)
{
	int n = rows / item_rows;

	return n > 0 ? n : 1;
}

enum ui_key_result
ui_list_key(struct ui_list *l, int key, int rows)
{
	enum ui_key_result r = UI_KEY_USED;

	switch (ui_motion(key)) {
	case UI_MOTION_UP:
		l->sel--;
		break;
	case UI_MOTION_DOWN:
		l->sel++;
		break;
	case UI_MOTION_PAGE_UP:
		l->sel -= rows;
		l->top -= rows;
		break;
	case UI_MOTION_PAGE_DOWN:
		l->sel += rows;
		l->top += rows;
		break;
	case UI_MOTION_FIRST:
		l->sel = 0;
		break;
	case UI_MOTION_LAST:
		l->sel = l->n - 1;
		break;
	case UI_MOTION_BACK: /* the UI's */
	case UI_MOTION_OPEN: /* the view's */
	case UI_MOTION_NONE:
		r = UI_KEY_UNUSED;
		break;
	}
	if (r == UI_KEY_USED)
		ui_list_clamp(l, rows);
	return r;
}

int
ui_scroll_key(int *top, int key, int page)
{
	int used = 1;

	switch (ui_motion(key)) {
	case UI_MOTION_UP:
		(*top)--;
		break;
	case UI_MOTION_DOWN:
		(*top)++;
		break;
	case UI_MOTION_PAGE_UP:
		*top -= page;
		break;
	case UI_MOTION_PAGE_DOWN:
		*top += page;
		break;
	case UI_MOTION_FIRST:
		*top = 0;
		break;
	case UI_MOTION_LAST:
		*top = 1 << 30; /* the caller clamps it when it draws */
		break;
	case UI_MOTION_BACK: /* the UI's */
	case UI_MOTION_OPEN: /* the view's */
	case UI_MOTION_NONE:
		used = 0;
		break;
	}
	if (used && *top < 0)
		*top = 0;
	return used;
}
