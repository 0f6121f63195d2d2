/* bbs: ISC licence, see LICENSE. */
/* Moving through a list: the same keys in every view (SPEC section 5). */
#include "ui/ui-int.h"

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

enum ui_key_result
ui_list_key(struct ui_list *l, int key, int rows)
{
	switch (key) {
	case UI_KEY(KEY_UP):
	case 'k':
		l->sel--;
		break;
	case UI_KEY(KEY_DOWN):
	case 'j':
		l->sel++;
		break;
	case UI_KEY(KEY_PPAGE):
	case UI_CTRL('b'):
		l->sel -= rows;
		l->top -= rows;
		break;
	case UI_KEY(KEY_NPAGE):
	case UI_CTRL('f'):
	case ' ':
		l->sel += rows;
		l->top += rows;
		break;
	case UI_KEY(KEY_HOME):
	case 'g':
		l->sel = 0;
		break;
	case UI_KEY(KEY_END):
	case 'G':
		l->sel = l->n - 1;
		break;
	default:
		return UI_KEY_UNUSED;
	}
	ui_list_clamp(l, rows);
	return UI_KEY_USED;
}

int
ui_scroll_key(int *top, int key, int page)
{
	switch (key) {
	case UI_KEY(KEY_DOWN):
	case 'j':
		(*top)++;
		break;
	case UI_KEY(KEY_UP):
	case 'k':
		(*top)--;
		break;
	case UI_KEY(KEY_NPAGE):
	case UI_CTRL('f'):
	case ' ':
		*top += page;
		break;
	case UI_KEY(KEY_PPAGE):
	case UI_CTRL('b'):
		*top -= page;
		break;
	case UI_KEY(KEY_HOME):
	case 'g':
		*top = 0;
		break;
	case UI_KEY(KEY_END):
	case 'G':
		*top = 1 << 30; /* the caller clamps it when it draws */
		break;
	default:
		return 0;
	}
	if (*top < 0)
		*top = 0;
	return 1;
}
