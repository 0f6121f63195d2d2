/* bbs: ISC licence, see LICENSE. */
/*
 * The one drawing path for member text. Every title, body, pseudonym and
 * board name reaches the terminal through ui_draw_text(), which hands
 * ncurses only printable characters: no byte a member wrote can start an
 * escape sequence or reorder the screen (SPEC section 6).
 *
 * ASCII mode is a property of the member's terminal, like ncurses' own
 * SCREEN, and this process serves one terminal: hence one static flag
 * rather than a parameter on every call.
 */
#include <string.h>
#include <wchar.h>

#include "ui/ui-int.h"
#include "util/utf8.h"

static int draw_ascii;

void
ui_draw_set_ascii(int on)
{
	draw_ascii = on;
}

/* Puts one printable code point; returns 0 on success. */
static int
draw_cp(WINDOW *w, uint32_t cp, attr_t attr)
{
	wchar_t wc[2] = { (wchar_t)cp, 0 };
	cchar_t cc;

	if (setcchar(&cc, wc, attr, PAIR_NUMBER(attr), NULL) != OK)
		return -1;
	return wadd_wch(w, &cc) == OK ? 0 : -1;
}

int
ui_draw_text(
    WINDOW *w, int y, int x, int width, const char *s, size_t len, attr_t attr)
{
	size_t i = 0;
	uint32_t cp;
	int n, cw, col = 0;

	if (wmove(w, y, x) != OK)
		return 0;
	while (i < len && col < width) {
		n = utf8_decode(s + i, len - i, &cp);
		i += n < 0 ? 1 : (size_t)n;
		if (cp == '\t') {
			cw = TEXT_TAB - col % TEXT_TAB;
			if (col + cw > width)
				cw = width - col;
			for (n = 0; n < cw; n++)
				draw_cp(w, ' ', attr);
			col += cw;
			continue;
		}
		if (utf8_is_unsafe(cp)) {
			if (utf8_is_bidi(cp))
				continue; /* neutralised: dropped */
			cp = '?';
		} else if (wcwidth((wchar_t)cp) < 0)
			cp = UTF8_REPLACEMENT;
		cw = text_cp_width(cp);
		if (col + cw > width)
			break; /* never split a wide character at the edge */
		if (cw == 0 && (col == 0 || draw_ascii))
			continue; /* a combining mark with nothing to combine */
		if (draw_ascii && cp > 0x7e) {
			for (n = 0; n < cw; n++)
				draw_cp(w, '?', attr);
			col += cw;
		} else if (draw_cp(w, cp, attr) == 0)
			col += cw;
	}
	return col;
}

void
ui_draw_fill(WINDOW *w, int y, int x, int width, attr_t attr)
{
	int i;

	if (width <= 0 || wmove(w, y, x) != OK)
		return;
	for (i = 0; i < width; i++)
		draw_cp(w, ' ', attr);
}

int
ui_draw_right(WINDOW *w, int y, int end, int width, const char *s, attr_t attr)
{
	int used, x;
	size_t len = strlen(s);

	text_fit(s, len, width, &used);
	x = end - used;
	ui_draw_text(w, y, x, used, s, len, attr);
	return x;
}

void
ui_draw_rule(WINDOW *w, int y, int x, int width, attr_t attr)
{
	if (width > 0 && wmove(w, y, x) == OK)
		whline(w, ACS_HLINE | attr, width);
}
