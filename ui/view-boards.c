/* bbs: ISC licence, see LICENSE. */
/*
 * The first screen: the boards, with their titles, thread counts and the
 * member's unread posts on each. Enter opens a board's threads. From here
 * every member reads the moderation log (o), invites someone (I), sees
 * the applicants waiting for vouches (a; the last line says how many
 * wait) and may erase themselves (E); sysops reach the flags queue (F),
 * keys and roles (K), and create (c) and edit (e) boards. A guest sees
 * the public boards, without unread counts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/invites.h"
#include "store/threads.h"
#include "ui/moderate.h"
#include "ui/ui-int.h"
#include "util/xmalloc.h"

struct view_boards {
	struct store_board *boards;
	int64_t *unread; /* per board */
	size_t n;
	struct ui_list list;
	struct ui_mod mod; /* the board form open over this view */
	size_t applicants; /* waiting for vouches; told on the last line */
};

/* Rows for the list in rows of body: the header, and the applicants' line. */
static int
boards_list_rows(const struct view_boards *v, int rows)
{
	return rows - 1 - (v->applicants > 0 ? 1 : 0);
}

/* How many applicants wait, for a member (a guest learns nothing of them). */
static size_t
boards_applicants(struct ui *ui)
{
	struct store_applicant *a = NULL;
	size_t n = 0;

	if (ui_guest(ui) || store_applicants_list(ui->st, &a, &n) != STORE_OK)
		return 0;
	store_applicants_free(a, n);
	return n;
}

static void
boards_load(struct ui *ui, struct view_boards *v)
{
	int64_t sel = v->n > 0 ? v->boards[v->list.sel].id : 0;
	size_t i;

	store_boards_free(v->boards, v->n);
	free(v->unread);
	v->boards = NULL;
	v->unread = NULL;
	v->n = 0;
	if (store_boards_list(ui->st, &v->boards, &v->n) != STORE_OK)
		ui_message(ui, "Cannot read the boards; try again.");
	if (v->n > 0)
		v->unread = xcalloc(v->n, sizeof *v->unread);
	for (i = 0; i < v->n; i++) {
		if (!ui_guest(ui)) /* nothing is kept of what a guest read */
			store_board_unread(
			    ui->st, ui->me->id, v->boards[i].id, &v->unread[i]);
		if (v->boards[i].id == sel)
			v->list.sel = (int)i; /* the same board stays chosen */
	}
	v->applicants = boards_applicants(ui);
	v->list.n = (int)v->n;
	ui_list_clamp(&v->list, boards_list_rows(v, ui_body_rows(ui)));
}

static void *
boards_open(struct ui *ui, const void *arg)
{
	struct view_boards *v = xcalloc(1, sizeof *v);

	(void)arg;
	boards_load(ui, v);
	return v;
}

static void
boards_close(void *p)
{
	struct view_boards *v = p;

	store_boards_free(v->boards, v->n);
	free(v->unread);
	free(v);
}

/* Columns: name, title, then threads and new right-aligned. */
static void
boards_row(
    struct ui *ui, struct view_boards *v, WINDOW *w, int y, int cols, size_t i)
{
	struct store_board *b = &v->boards[i];
	int namew = cols < 60 ? 12 : 16, x;
	attr_t a = (int)i == v->list.sel ? ui_attr(ui, UI_ATTR_SELECT) : 0;
	char num[24];

	ui_draw_fill(w, y, 0, cols, a);
	ui_draw_text(w, y, 1, namew, b->name, strlen(b->name), a | A_BOLD);
	if (v->unread[i] > 0) {
		snprintf(num, sizeof num, "%lld", (long long)v->unread[i]);
		ui_draw_right(
		    w, y, cols - 1, 5, num, a | ui_attr(ui, UI_ATTR_UNREAD));
	}
	snprintf(num, sizeof num, "%lld", (long long)b->threads);
	ui_draw_right(w, y, cols - 7, 7, num, a);
	x = namew + 2;
	ui_draw_text(w, y, x, cols - 16 - x, b->title, strlen(b->title), a);
}

static void
boards_draw(struct ui *ui, void *p, WINDOW *w, int rows, int cols)
{
	struct view_boards *v = p;
	attr_t h = ui_attr(ui, UI_ATTR_TITLE);
	int y, list = boards_list_rows(v, rows);
	char line[96];

	ui_list_clamp(&v->list, list);
	ui_draw_text(w, 0, 1, cols - 16, "Board", 5, h);
	ui_draw_right(w, 0, cols - 7, 7, "Threads", h);
	if (!ui_guest(ui))
		ui_draw_right(w, 0, cols - 1, 5, "New", h);
	if (v->n == 0)
		ui_draw_text(w, 2, 1, cols - 2,
		    ui_guest(ui) ? "No public boards yet." : "No boards yet.",
		    ui_guest(ui) ? 21 : 14, ui_attr(ui, UI_ATTR_DIM));
	for (y = 0; y < list && v->list.top + y < (int)v->n; y++)
		boards_row(ui, v, w, y + 1, cols, (size_t)(v->list.top + y));
	if (v->applicants > 0) {
		snprintf(line, sizeof line,
		    "%zu applicant%s waiting for vouches (a lists them)",
		    v->applicants, v->applicants == 1 ? "" : "s");
		ui_draw_text(w, rows - 1, 1, cols - 2, line, strlen(line),
		    ui_attr(ui, UI_ATTR_UNREAD));
	}
}

/* The sysops' keys; UI_KEY_UNUSED for a member, who never sees them. */
static enum ui_key_result
boards_key_sysop(struct ui *ui, struct view_boards *v, int key)
{
	struct store_board *b = v->n > 0 ? &v->boards[v->list.sel] : NULL;

	if (!ui_sysop(ui))
		return UI_KEY_UNUSED;
	switch (key) {
	case 'F':
		ui_push(ui, &ui_view_flags, NULL);
		break;
	case 'K':
		ui_push(ui, &ui_view_keys, NULL);
		break;
	case 'c':
		ui_mod_board_create(ui, &v->mod);
		break;
	case 'e':
		if (b != NULL)
			ui_mod_board_edit(
			    ui, &v->mod, b->name, b->title, (int)b->post_role);
		break;
	default:
		return UI_KEY_UNUSED;
	}
	return UI_KEY_USED;
}

static enum ui_key_result
boards_key(struct ui *ui, void *p, int key)
{
	struct view_boards *v = p;
	struct ui_threads_arg arg = { NULL, 0 };
	struct store_board *b = v->n > 0 ? &v->boards[v->list.sel] : NULL;

	if (ui_motion(key) == UI_MOTION_OPEN) {
		if (b != NULL) {
			arg.board = b->name;
			ui_push(ui, &ui_view_threads, &arg);
		}
		return UI_KEY_USED;
	}
	switch (key) {
	case 'p':
		ui_push(ui, &ui_view_pins, NULL);
		return UI_KEY_USED;
	case 'o':
		ui_push(ui, &ui_view_modlog, NULL);
		return UI_KEY_USED;
	case 'E':
		ui_push(ui, &ui_view_erase, NULL);
		return UI_KEY_USED;
	case 'I':
		ui_push(ui, &ui_view_invite, NULL);
		return UI_KEY_USED;
	case 'a':
		ui_push(ui, &ui_view_applicants, NULL);
		return UI_KEY_USED;
	case 'F':
	case 'K':
	case 'c':
	case 'e':
		return boards_key_sysop(ui, v, key);
	case 'm':
		if (b == NULL)
			return UI_KEY_USED;
		if (store_board_mark_read(ui->st, ui->me->id, b->id) != 0)
			ui_message(ui, "Cannot mark it read; try again.");
		boards_load(ui, v);
		return UI_KEY_USED;
	}
	return ui_list_key(
	    &v->list, key, boards_list_rows(v, ui_body_rows(ui)));
}

static void
boards_reload(struct ui *ui, void *p)
{
	boards_load(ui, p);
}

static const char *
boards_title(void *p)
{
	(void)p;
	return "boards";
}

static const struct ui_help boards_help[] = {
	UI_HELP_SHARED("?", 0),
	{ "q", NULL, "q quit", 0 }, /* back from here is out */
	{ "Enter l Right", "open the board's threads", "Enter open", 0 },
	UI_HELP_SHARED("n", UI_HELP_MEMBER),
	{ "m", "mark every post on the board read", NULL, UI_HELP_NO_GUEST },
	{ "p", "the pin board: links, memes, events", "p pins",
	    UI_HELP_NO_GUEST },
	UI_HELP_SHARED("/", UI_HELP_MEMBER),
	{ "o", "the moderation log: every sysop act, on the record", "o log",
	    0 },
	{ "I", "invite someone: a new invitation code, and yours still open",
	    "I invite", UI_HELP_MEMBER | UI_HELP_NO_GUEST },
	{ "a", "the applicants waiting for vouches: vouch for one you know",
	    NULL, UI_HELP_NO_GUEST },
	{ "E", "erase me: remove your keys and pseudonym, for good", NULL,
	    UI_HELP_NO_GUEST },
	{ "F", "the open flags: members asking sysops to look at a post",
	    "F flags", UI_HELP_SYSOP },
	{ "K", "keys and roles: change a role, revoke a key", "K keys",
	    UI_HELP_SYSOP },
	{ "c", "create a board", "c create", UI_HELP_SYSOP },
	{ "e", "edit the chosen board: its title, who may post", "e edit",
	    UI_HELP_SYSOP },
	{ NULL, NULL, NULL, 0 },
};

const struct ui_view ui_view_boards = {
	.name = "boards",
	.open = boards_open,
	.close = boards_close,
	.draw = boards_draw,
	.key = boards_key,
	.reload = boards_reload,
	.title = boards_title,
	.help = boards_help,
	.motion = 1,
};
