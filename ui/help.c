/* bbs: ISC licence, see LICENSE. */
/*
 * A view's keys, read two ways from its one table (struct ui_help): the
 * text '?' shows, and the hints of the bottom bar. Here too are the keys
 * of every screen, which both readings add. Knows no view by name and
 * draws nothing: ui.c pushes the text and draws the bar.
 */
#include <assert.h>
#include <string.h>

#include "ui/help.h"
#include "ui/ui-int.h"
#include "util/buf.h"

/* The keys ui.c handles on every screen (ui_key_global()). */
static const struct ui_help help_global[] = {
	{ "n", "next unread post, anywhere (oldest board first)",
	    "n next unread", UI_HELP_NO_GUEST },
	{ "/", "search titles and bodies", "/ search", 0 },
	{ "A", "plain ASCII drawing on or off", NULL, 0 },
	{ "? F1", "this help", "? help", 0 },
	/* While a view takes text, '?' is text: only F1 reaches the UI. */
	{ "F1", NULL, "F1 help", 0 },
	{ "q", "back, or quit from the first screen", "q back", 0 },
	{ "Ctrl-L", "redraw the screen", NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};

/*
 * Lists the entries of h with text whose UI_HELP_SYSOP flag is sysop,
 * but none with a flag of hide.
 */
static void
help_list(struct buf *b, const struct ui_help *h, int sysop, int hide)
{
	for (; h->key != NULL; h++) {
		if (h->text != NULL && (h->flags & UI_HELP_SYSOP) == sysop &&
		    !(h->flags & hide))
			buf_printf(b, "  %-14s %s\n", h->key, h->text);
	}
}

/* Does h have a sysop's key to list? */
static int
help_has_sysop(const struct ui_help *h)
{
	for (; h->key != NULL; h++) {
		if (h->text != NULL && (h->flags & UI_HELP_SYSOP))
			break;
	}
	return h->key != NULL;
}

void
ui_help_text(const struct ui_view *v, int who, int typing, struct buf *b)
{
	const struct ui_help back[] = {
		{ ui_motion_back_keys, v->back, NULL, 0 },
		{ NULL, NULL, NULL, 0 },
	};
	int hide = who == UI_WHO_GUEST ? UI_HELP_NO_GUEST : 0;

	buf_printf(b, "Keys on this screen:\n\n");
	help_list(b, v->help, 0, hide);
	help_list(b, back, 0, 0); /* nothing without v->back */
	if (v->motion)
		help_list(b, ui_motion_help, 0, 0);
	/* Members never see the sysops' keys. */
	if (who == UI_WHO_SYSOP && help_has_sysop(v->help)) {
		buf_printf(
		    b, "\nSysop keys on this screen (on the public log):\n\n");
		help_list(b, v->help, UI_HELP_SYSOP, 0);
	}
	if (!typing) {
		buf_printf(b, "\nKeys on every screen:\n\n");
		help_list(b, help_global, 0, hide);
	} else
		buf_printf(b, "  %-14s %s\n", "F1", "this help");
	buf_printf(b,
	    "\nArrows, PgUp and PgDn scroll this help; any other key closes it.");
}

/* Is word the first word of key? */
static int
help_key_starts(const char *key, const char *word)
{
	size_t len = strlen(word);

	return strncmp(key, word, len) == 0 &&
	       (key[len] == ' ' || key[len] == '\0');
}

/* The shared key (with its hint) a UI_HELP_SHARED() entry stands for. */
static const struct ui_help *
help_shared(const char *key)
{
	const struct ui_help *tables[] = { help_global, ui_motion_help };
	const struct ui_help *h, *found = NULL;
	size_t i;

	for (i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		for (h = tables[i]; found == NULL && h->key != NULL; h++) {
			if (h->bar != NULL && help_key_starts(h->key, key))
				found = h;
		}
	}
	assert(found != NULL); /* a view names a key nobody shares */
	return found;
}

void
ui_help_bar(const struct ui_view *v, int who, int typing, struct buf *b)
{
	int hide = who == UI_WHO_SYSOP ? UI_HELP_MEMBER : UI_HELP_SYSOP;
	const struct ui_help *h, *shared;
	const char *hint, *sep = "";
	int flags;

	hide |= typing ? UI_HELP_NOT_TYPING : UI_HELP_TYPING;
	if (who == UI_WHO_GUEST)
		hide |= UI_HELP_NO_GUEST;
	for (h = v->help; h->key != NULL; h++) {
		hint = h->bar;
		flags = h->flags;
		if (hint == NULL && h->text == NULL) {
			shared = help_shared(h->key);
			hint = shared->bar;
			flags |= shared->flags;
		}
		if (hint != NULL && !(flags & hide)) {
			buf_printf(b, "%s%s", sep, hint);
			sep = "  ";
		}
	}
}

/* Is the one character c a word of key ("J K Tab" has J and K)? */
static int
help_key_has(const char *key, int c)
{
	const char *p = key;

	while (*p != '\0') {
		if ((unsigned char)p[0] == c && (p[1] == ' ' || p[1] == '\0'))
			return 1;
		p += strcspn(p, " ");
		p += strspn(p, " ");
	}
	return 0;
}

/* Does an entry of h marked UI_HELP_NO_GUEST name the character c? */
static int
help_no_guest_in(const struct ui_help *h, int c)
{
	for (; h->key != NULL; h++) {
		if ((h->flags & UI_HELP_NO_GUEST) && help_key_has(h->key, c))
			return 1;
	}
	return 0;
}

int
ui_help_no_guest(const struct ui_view *v, int key)
{
	if (key <= ' ' || key >= 0x7f)
		return 0;
	return help_no_guest_in(v->help, key) ||
	       help_no_guest_in(help_global, key);
}
