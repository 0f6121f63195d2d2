/* bbs: ISC licence, see LICENSE. */
/*
 * Asking terminfo about a terminal before ncurses starts on it. Kept
 * apart because term.h defines macros (lines, columns...) that clash with
 * ordinary names elsewhere.
 */
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <term.h>

#include "ui/terminfo.h"

int
ui_term_usable(const char *term, int *known)
{
	TERMINAL *saved = cur_term;
	char *cup;
	int err = 0, ok;

	*known = setupterm((char *)term, 1, &err) == OK && err == 1;
	if (!*known)
		return 0;
	cup = tigetstr("cup");
	ok = cup != NULL && cup != (char *)-1;
	del_curterm(cur_term);
	cur_term = saved;
	return ok;
}
