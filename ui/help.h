/* bbs: ISC licence, see LICENSE. */
/*
 * The two readings of a view's keys (ui/help.c): what '?' shows, and the
 * bottom bar's hints. sysop adds the sysops' keys; typing is whether the
 * view takes text just now (its typing()).
 */
#ifndef UI_HELP_H
#define UI_HELP_H

struct buf;
struct ui_view;

/* Appends the help text of view v: its keys, then every screen's. */
void ui_help_text(
    const struct ui_view *v, int sysop, int typing, struct buf *b);

/* Appends the bottom bar's hints for v, two spaces apart. */
void ui_help_bar(const struct ui_view *v, int sysop, int typing, struct buf *b);

#endif
