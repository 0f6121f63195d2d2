/* bbs: ISC licence, see LICENSE. */
/*
 * The two readings of a view's keys (ui/help.c): what '?' shows, and the
 * bottom bar's hints. who is an enum ui_who: a sysop's add the sysops'
 * keys, a guest's leave out the keys for members; typing is whether the
 * view takes text just now (its typing()).
 */
#ifndef UI_HELP_H
#define UI_HELP_H

struct buf;
struct ui_view;

/* Appends the help text of view v: its keys, then every screen's. */
void ui_help_text(const struct ui_view *v, int who, int typing, struct buf *b);

/* Appends the bottom bar's hints for v, two spaces apart. */
void ui_help_bar(const struct ui_view *v, int who, int typing, struct buf *b);

/*
 * Is key (a character) one of v's keys, or of every screen's, marked
 * UI_HELP_NO_GUEST? Its words in the table name it: "m", "J K Tab".
 */
int ui_help_no_guest(const struct ui_view *v, int key);

#endif
