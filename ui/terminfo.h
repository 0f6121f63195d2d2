/* bbs: ISC licence, see LICENSE. */
/* Asking terminfo about a terminal type (ui/terminfo.c). */
#ifndef UI_TERMINFO_H
#define UI_TERMINFO_H

/*
 * 1 if term names a terminal with cursor addressing; *known says whether
 * terminfo has it at all.
 */
int ui_term_usable(const char *term, int *known);

#endif
