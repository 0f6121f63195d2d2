/* bbs: ISC licence, see LICENSE. */
/*
 * Terminal hyperlinks (ui/link.c): OSC 8, written where the terminal type
 * says it may understand it. The only bytes the UI writes to the terminal
 * outside ncurses; see link.c for why that is safe.
 */
#ifndef UI_LINK_H
#define UI_LINK_H

#include <stddef.h>
#include <stdio.h>

/*
 * 1 if a terminal of type term may show OSC 8 hyperlinks (and ignores
 * them otherwise): the xterm family and the terminals that copy it. 0
 * for vt100, dumb, linux and anything unknown.
 */
int ui_link_supported(const char *term);

/*
 * Writes the len bytes of text again at screen row y, column x (from 0),
 * as a hyperlink to url with the link id id, then puts the cursor and
 * attributes back. text must be exactly what ncurses drew there, with
 * normal attributes. url and text must be printable ASCII and id of
 * [A-Za-z0-9-]; else nothing is written and -1 returned.
 */
int ui_link_write(FILE *out, int y, int x, const char *id, const char *url,
    const char *text, size_t len);

#endif
