/* bbs: ISC licence, see LICENSE. */
/*
 * erase-me from the board (SPEC section 7): a screen that says what
 * happens, a choice to remove the member's posts too (Tab), and a line
 * where the member types their own pseudonym to confirm. Enter with
 * exactly that erases (store_member_erase()) and ends the session with a
 * last word printed after the screen is gone; anything else typed, Esc
 * or Ctrl-C cancels and nothing changes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/moderation.h"
#include "ui/edit.h"
#include "ui/field.h"
#include "ui/moderate.h"
#include "ui/ui-int.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/xmalloc.h"

#define ERASE_LABEL "Your pseudonym: "

struct view_erase {
	struct edit q;
	int posts; /* remove the member's posts too */
	int top;   /* the first line of the explanation shown */
};

/* Short lines: the terminal may be as narrow as 40 columns. */
static const char erase_farewell[] =
    "\r\nYou are erased from this board.\r\n"
    "Your keys and your pseudonym are gone;\r\n"
    "your posts stay as [erased]. Goodbye.\r\n";
static const char erase_farewell_posts[] =
    "\r\nYou are erased from this board.\r\n"
    "Your keys, your pseudonym and your posts\r\n"
    "are gone. Goodbye.\r\n";

static void *
erase_open(struct ui *ui, const void *arg)
{
	struct view_erase *v = xcalloc(1, sizeof *v);

	(void)ui;
	(void)arg;
	edit_init(&v->q, NULL, 1, 256);
	return v;
}

static void
erase_close(void *p)
{
	struct view_erase *v = p;

	edit_free(&v->q);
	free(v);
}

/* What happens, in the member's own name. */
static void
erase_explain(const struct ui *ui, struct buf *b)
{
	buf_printf(b,
	    "This removes you, %s, from the board for good. It cannot be undone.\n\n",
	    ui->me->pseudonym);
	buf_adds(b,
	    "- Your keys stop working at once: this session ends and no key of yours logs in again.\n"
	    "- Your pseudonym is deleted, with your read positions and votes.\n"
	    "- Your posts and pins stay, their author shown as [erased], unless you remove your posts too: then they are deleted (a thread you started keeps its title and the replies of others).\n"
	    "- The moderation log records that a member erased themselves, never who.\n\n"
	    "Type your pseudonym and press Enter to erase. Anything else, or Esc, cancels.");
}

/*
 * The explanation from line v->top, scrolled with the arrows; the choice
 * and the field below it stay on screen however small it is.
 */
static void
erase_draw(struct ui *ui, void *p, WINDOW *w, int rows, int cols)
{
	struct view_erase *v = p;
	int lw = (int)sizeof ERASE_LABEL - 1, y, fy, room;
	struct text_line *lines;
	size_t n;
	struct buf b;
	char choice[64];

	buf_init(&b);
	erase_explain(ui, &b);
	text_wrap(b.data, cols - 2, &lines, &n);
	room = rows - 3; /* a blank line, the choice, the field */
	fy = (int)n < room ? (int)n + 2 : rows - 1;
	if (v->top > (int)n - room)
		v->top = (int)n - room;
	if (v->top < 0)
		v->top = 0;
	for (y = 0; y < room && v->top + y < (int)n; y++)
		ui_draw_text(w, y, 1, cols - 2, b.data + lines[v->top + y].off,
		    lines[v->top + y].len,
		    v->top + y == 0 ? ui_attr(ui, UI_ATTR_WARN) : 0);
	free(lines);
	buf_free(&b);
	snprintf(choice, sizeof choice, "[%c] also remove my posts (Tab)",
	    v->posts ? 'x' : ' ');
	ui_draw_text(w, fy - 1, 1, cols - 2, choice, strlen(choice),
	    v->posts ? ui_attr(ui, UI_ATTR_WARN) : A_NORMAL);
	ui_draw_text(w, fy, 1, lw, ERASE_LABEL, (size_t)lw, A_BOLD);
	ui_field_draw(ui, w, &v->q, fy, 1 + lw, cols - lw - 2, A_NORMAL, 1);
}

/* Enter: erase if the member typed their pseudonym, else cancel. */
static enum ui_key_result
erase_run(struct ui *ui, struct view_erase *v)
{
	const char *traces;
	char *cause = NULL;
	int r;

	if (!ui_erase_confirmed(v->q.s, ui->me->pseudonym)) {
		ui_message(ui, "Not erased: that is not your pseudonym.");
		return UI_KEY_CLOSE;
	}
	r = store_member_erase(ui->st, ui->me->id, v->posts, &cause);
	if (r != STORE_OK) {
		ui_message(ui, "Not erased: %s",
		    cause != NULL ? cause : store_strerror(r));
		free(cause);
		return UI_KEY_CLOSE;
	}
	/* Erased all the same; the operator may checkpoint by hand. */
	if ((traces = store_error_take(ui->st)) != NULL)
		log_warn("%s", log_escape(traces, strlen(traces)));
	ui->farewell = v->posts ? erase_farewell_posts : erase_farewell;
	ui->quit = 1;
	return UI_KEY_USED;
}

static enum ui_key_result
erase_key(struct ui *ui, void *p, int key)
{
	struct view_erase *v = p;

	switch (key) {
	case '\r':
	case '\n':
	case UI_KEY(KEY_ENTER):
		return erase_run(ui, v);
	case UI_ESC:
	case UI_CTRL('c'):
	case UI_CTRL('g'):
		ui_message(ui, "Not erased.");
		return UI_KEY_CLOSE;
	case '\t':
		v->posts = !v->posts;
		return UI_KEY_USED;
	case UI_KEY(KEY_UP):
	case UI_KEY(KEY_PPAGE):
		v->top -= key == UI_KEY(KEY_UP) ? 1 : ui_body_rows(ui) - 3;
		return UI_KEY_USED;
	case UI_KEY(KEY_DOWN):
	case UI_KEY(KEY_NPAGE):
		v->top += key == UI_KEY(KEY_DOWN) ? 1 : ui_body_rows(ui) - 3;
		return UI_KEY_USED;
	/*
	 * Never this line's: Home and End (Ctrl-A, Ctrl-E) and Delete do
	 * nothing here, though every other one-line field has them.
	 */
	case UI_KEY(KEY_HOME):
	case UI_KEY(KEY_END):
	case UI_CTRL('a'):
	case UI_CTRL('e'):
	case UI_KEY(KEY_DC):
		return UI_KEY_UNUSED;
	}
	return ui_field_key(&v->q, key);
}

/* Every key is the confirmation's: q is a letter of a pseudonym here. */
static int
erase_typing(void *p)
{
	(void)p;
	return 1;
}

static const char *
erase_title(void *p)
{
	(void)p;
	return "erase me";
}

static const struct ui_help erase_help[] = {
	{ "Enter", "erase, if you typed your pseudonym; else cancel",
	    "type your pseudonym, Enter erase", 0 },
	{ "Tab", "also remove your posts, or not", "Tab posts too", 0 },
	{ "Esc Ctrl-C", "cancel: nothing changes", "Esc cancel", 0 },
	{ "Up Down PgUp PgDn", "scroll the explanation", NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};

const struct ui_view ui_view_erase = {
	.name = "erase me",
	.open = erase_open,
	.close = erase_close,
	.draw = erase_draw,
	.key = erase_key,
	.title = erase_title,
	.help = erase_help,
	.typing = erase_typing,
};
