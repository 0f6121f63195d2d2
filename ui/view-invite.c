/* bbs: ISC licence, see LICENSE. */
/*
 * Invite someone (SPEC section 10): opening the view makes a new
 * invitation and shows its code, its expiry and the exact line the
 * newcomer runs to join, then the member's open invitations, of which x
 * withdraws the chosen one (after a y) and i makes another. The code is
 * shown this once: the store keeps only its keyed hash, made by bbs/
 * (ui_config.invite_code), so this view is the only place it ever is,
 * and it is wiped when the view closes or shows another. The store
 * decides who may invite and how many open invitations one may hold;
 * the bar and the body say what it refused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/invites.h"
#include "ui/ui-int.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/xmalloc.h"

struct view_invite {
	char code[UI_INVITE_TEXT_MAX]; /* the new code; "" when none */
	int64_t id;                    /* its invitation */
	int64_t expires;
	int gone;      /* it was used or withdrawn meanwhile */
	char why[160]; /* why no new invitation was made, or "" */
	int head;      /* rows the text above the list took at the last draw */
	struct store_invite *open;
	size_t n;
	struct ui_list list;
	int64_t confirm; /* the invitation x asked to withdraw, or 0 */
};

static void
invite_wipe(struct view_invite *v)
{
	explicit_bzero(v->code, sizeof v->code);
	v->id = 0;
	v->gone = 0;
}

/* The member's open invitations; marks the code on screen gone if it is. */
static void
invite_load(struct ui *ui, struct view_invite *v)
{
	int64_t sel = v->n > 0 ? v->open[v->list.sel].id : 0;
	size_t i;
	int seen = 0;

	store_invites_free(v->open, v->n);
	v->open = NULL;
	v->n = 0;
	if (store_invites_list(ui->st, ui->me->id, &v->open, &v->n) !=
	    STORE_OK) {
		ui_message(ui, "Cannot read your invitations; try again.");
		return;
	}
	for (i = 0; i < v->n; i++) {
		if (v->open[i].id == sel)
			v->list.sel = (int)i; /* the same one stays chosen */
		seen |= v->open[i].id == v->id;
	}
	if (v->id != 0 && !seen)
		v->gone = 1;
	v->list.n = (int)v->n;
	ui_list_clamp(&v->list, ui_body_rows(ui) - v->head - 1);
}

/* A new invitation: its code on screen, or why the store refused it. */
static void
invite_new(struct ui *ui, struct view_invite *v)
{
	const struct ui_config *cfg = ui->cfg;
	uint8_t hash[STORE_HASH_LEN];
	struct store_invite inv;
	char *cause = NULL;
	int r;

	invite_wipe(v);
	v->why[0] = '\0';
	if (cfg->invite_code == NULL ||
	    cfg->invite_code(
	        cfg->invite_arg, v->code, sizeof v->code, hash, &cause) != 0) {
		if (cause != NULL)
			log_error("invitation code: %s",
			    log_escape(cause, strlen(cause)));
		free(cause);
		invite_wipe(v);
		snprintf(v->why, sizeof v->why,
		    "Cannot make an invitation here just now.");
		ui_message(ui, "%s", v->why);
		return;
	}
	r = store_invite_create(ui->st, ui->me->id, hash, &inv, &cause);
	explicit_bzero(hash, sizeof hash);
	if (r != STORE_OK) {
		invite_wipe(v);
		snprintf(v->why, sizeof v->why, "%s",
		    cause != NULL ? cause : store_strerror(r));
		ui_message(ui, "No new invitation: %s", v->why);
		free(cause);
		return;
	}
	v->id = inv.id;
	v->expires = inv.expires;
}

static void *
invite_open(struct ui *ui, const void *arg)
{
	struct view_invite *v = xcalloc(1, sizeof *v);

	(void)arg;
	invite_new(ui, v);
	invite_load(ui, v);
	return v;
}

static void
invite_close(void *p)
{
	struct view_invite *v = p;

	invite_wipe(v);
	store_invites_free(v->open, v->n);
	free(v);
}

/*
 * Appends a command line for a shell, indented, in lines of at most
 * width columns: broken at a space with " \" so that copied whole it is
 * still one command.
 */
static void
invite_shell_line(struct buf *b, const char *line, int width)
{
	const char *indent = "  ", *s = line, *cut;
	size_t room, len;

	for (;;) {
		buf_adds(b, indent);
		room = width > 8 ? (size_t)width - strlen(indent) : 8;
		len = strlen(s);
		if (len <= room) {
			buf_printf(b, "%s\n", s);
			return;
		}
		/* The last space leaving room for " \": else the first one. */
		for (cut = s + room - 2; cut > s && *cut != ' '; cut--)
			;
		if (cut == s && (cut = strchr(s, ' ')) == NULL) {
			buf_printf(b, "%s\n", s);
			return;
		}
		buf_printf(b, "%.*s \\\n", (int)(cut - s), s);
		s = cut + 1;
		indent = "    ";
	}
}

/*
 * The text above the list: the new code and how to join with it, the
 * join line first, as the list may leave little room.
 */
static void
invite_text(struct ui *ui, struct view_invite *v, int width, struct buf *b)
{
	char when[20], *join;

	if (v->code[0] == '\0') {
		buf_printf(b, "No new invitation: %s\n\n", v->why);
		return;
	}
	text_time(v->expires, 0, when);
	buf_printf(b, "New invitation #%lld, for one join until %s UTC:\n\n",
	    (long long)v->id, when);
	buf_printf(b, "  %s\n\n", v->code);
	if (v->gone) {
		buf_printf(b,
		    "It has been used or withdrawn: this code no longer works.\n\n");
		return;
	}
	buf_printf(b,
	    "It will not be shown again: write it down now. The newcomer joins with it, choosing a NAME:\n\n");
	join = ui_join_line(ui, v->code);
	invite_shell_line(b, join, width);
	free(join);
	buf_printf(b, "\nwith a key made for this board:\n\n");
	invite_shell_line(
	    b, "ssh-keygen -t ed25519 -f ~/.ssh/bbs_ed25519", width);
	buf_printf(b,
	    "\nOnly a hash of the code is kept. It counts as your vouch for them.\n\n");
}

static void
invite_draw_row(
    struct ui *ui, struct view_invite *v, WINDOW *w, int y, int cols, size_t i)
{
	const struct store_invite *inv = &v->open[i];
	attr_t a = (int)i == v->list.sel ? ui_attr(ui, UI_ATTR_SELECT) : 0;
	char made[20], ends[20], line[96];

	text_time(inv->created, cols < 60, made);
	text_time(inv->expires, cols < 60, ends);
	if (cols < 60)
		snprintf(line, sizeof line, "#%-3lld %s - %s",
		    (long long)inv->id, made, ends);
	else
		snprintf(line, sizeof line, "#%-4lld created %s  expires %s",
		    (long long)inv->id, made, ends);
	ui_draw_fill(w, y, 0, cols, a);
	ui_draw_text(w, y, 2, cols - 3, line, strlen(line),
	    inv->id == v->id ? a | A_BOLD : a);
}

static void
invite_draw(struct ui *ui, void *p, WINDOW *w, int rows, int cols)
{
	struct view_invite *v = p;
	struct text_line *lines;
	struct buf b;
	size_t n, i;
	int y = 0, width = cols - 2, list, tight;

	buf_init(&b);
	invite_text(ui, v, width, &b);
	text_wrap(b.data, width, &lines, &n);
	/*
	 * The list keeps at least its heading and a row; without room for
	 * all of the text, its empty lines go first.
	 */
	tight = (int)n > rows - 2;
	for (i = 0; i < n && y < rows - 2; i++) {
		if (tight && lines[i].len == 0)
			continue;
		ui_draw_text(w, y++, 1, width, b.data + lines[i].off,
		    lines[i].len, i < 1 ? ui_attr(ui, UI_ATTR_TITLE) : 0);
	}
	free(lines);
	buf_free(&b);
	v->head = y;
	if (v->n == 0) {
		ui_draw_text(w, y, 1, width, "You hold no open invitations.",
		    29, ui_attr(ui, UI_ATTR_DIM));
		return;
	}
	ui_draw_text(w, y++, 1, width,
	    cols < 60 ? "Your open invitations:"
	              : "Your open invitations (x withdraws one):",
	    cols < 60 ? 22 : 40, ui_attr(ui, UI_ATTR_TITLE));
	list = rows - y;
	ui_list_clamp(&v->list, list);
	for (i = 0; (int)i < list && v->list.top + (int)i < (int)v->n; i++)
		invite_draw_row(
		    ui, v, w, y + (int)i, cols, (size_t)v->list.top + i);
}

/* The answer to "withdraw invitation #N?": y withdraws it. */
static void
invite_confirmed(struct ui *ui, struct view_invite *v, int key)
{
	int64_t id = v->confirm;
	char *cause = NULL;
	int r;

	v->confirm = 0;
	if (key != 'y') {
		ui_message(ui, "Invitation #%lld kept.", (long long)id);
		return;
	}
	r = store_invite_revoke(ui->st, ui->me->id, id, &cause);
	if (r == STORE_OK)
		ui_message(ui,
		    "Invitation #%lld withdrawn: its code no longer works.",
		    (long long)id);
	else
		ui_message(ui, "%s", cause != NULL ? cause : store_strerror(r));
	free(cause);
	invite_load(ui, v);
}

static enum ui_key_result
invite_key(struct ui *ui, void *p, int key)
{
	struct view_invite *v = p;

	if (v->confirm != 0) {
		invite_confirmed(ui, v, key);
		return UI_KEY_USED;
	}
	switch (key) {
	case 'x':
		if (v->n == 0) {
			ui_message(ui, "You hold no open invitations.");
			return UI_KEY_USED;
		}
		v->confirm = v->open[v->list.sel].id;
		ui_message(ui,
		    "Withdraw invitation #%lld? y withdraws it; any other key keeps it.",
		    (long long)v->confirm);
		return UI_KEY_USED;
	case 'i':
		invite_new(ui, v);
		invite_load(ui, v);
		return UI_KEY_USED;
	}
	return ui_list_key(&v->list, key, ui_body_rows(ui) - v->head - 1);
}

static void
invite_reload(struct ui *ui, void *p)
{
	invite_load(ui, p);
}

static const char *
invite_title(void *p)
{
	(void)p;
	return "invite someone";
}

static const struct ui_help invite_help[] = {
	UI_HELP_SHARED("?", 0),
	UI_HELP_SHARED("q", 0),
	{ "x", "withdraw the chosen open invitation (y confirms)", "x withdraw",
	    0 },
	{ "i", "another new invitation (the code shown now goes for good)",
	    "i new", 0 },
	{ NULL, NULL, NULL, 0 },
};

const struct ui_view ui_view_invite = {
	.name = "invite",
	.open = invite_open,
	.close = invite_close,
	.draw = invite_draw,
	.key = invite_key,
	.reload = invite_reload,
	.title = invite_title,
	.help = invite_help,
	.motion = 1,
	.back = "back to the boards",
};
