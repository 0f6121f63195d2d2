/* bbs: ISC licence, see LICENSE. */
/*
 * Keys and roles, for sysops: every registered key with its id, its
 * member's pseudonym and role, whether it is revoked, and its label;
 * what `ssh HOST key list` prints, and nothing more (the board keeps
 * nothing about where anyone connects from). r changes the chosen
 * member's role and x revokes the chosen key, each through a form; the
 * store applies the two-sysop rule and the bar says "pending" when a
 * second sysop must confirm. Shows nothing to a member.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/members.h"
#include "ui/moderate.h"
#include "ui/ui-int.h"
#include "util/xmalloc.h"

struct view_keys {
	struct store_key *k;
	size_t n;
	struct ui_list list;
	struct ui_mod mod; /* the act a form is open for */
};

static void
keys_load(struct ui *ui, struct view_keys *v)
{
	char sel[STORE_KEY_ID_LEN + 1] = "";
	size_t i;

	if (v->n > 0)
		memcpy(sel, v->k[v->list.sel].key_id, sizeof sel);
	store_keys_free(v->k, v->n);
	v->k = NULL;
	v->n = 0;
	if (ui_sysop(ui) && store_keys_list(ui->st, &v->k, &v->n) != STORE_OK)
		ui_message(ui, "Cannot read the keys; try again.");
	for (i = 0; i < v->n; i++) {
		if (strcmp(v->k[i].key_id, sel) == 0)
			v->list.sel = (int)i; /* the same key stays chosen */
	}
	v->list.n = (int)v->n;
	ui_list_clamp(&v->list, ui_body_rows(ui) - 1);
}

static void *
keys_open(struct ui *ui, const void *arg)
{
	struct view_keys *v = xcalloc(1, sizeof *v);

	(void)arg;
	keys_load(ui, v);
	return v;
}

static void
keys_close(void *p)
{
	struct view_keys *v = p;

	store_keys_free(v->k, v->n);
	free(v);
}

/* Where the columns start: the key id at 1, then these. */
struct keys_cols {
	int name, namew, role, state, label;
};

/* The pseudonym's column narrows first, so role and state always show. */
static struct keys_cols
keys_cols(int cols)
{
	struct keys_cols c;

	c.name = 11;
	c.namew = cols - c.name - 17 < 24 ? cols - c.name - 17 : 24;
	c.role = c.name + c.namew + 1;
	c.state = c.role + 8;
	c.label = c.state + 9;
	return c;
}

static void
keys_row(struct ui *ui, WINDOW *w, int y, int cols, const struct store_key *k,
    int sel)
{
	attr_t a = sel ? ui_attr(ui, UI_ATTR_SELECT) : 0;
	const char *role = store_role_name(k->role);
	const char *state = k->revoked ? "revoked" : "active";
	struct keys_cols c = keys_cols(cols);

	ui_draw_fill(w, y, 0, cols, a);
	ui_draw_text(w, y, 1, 9, k->key_id, strlen(k->key_id),
	    a | (k->revoked ? ui_attr(ui, UI_ATTR_DIM) : 0));
	ui_draw_text(w, y, c.name, c.namew, k->pseudonym, strlen(k->pseudonym),
	    a | A_BOLD);
	ui_draw_text(w, y, c.role, 7, role, strlen(role), a);
	ui_draw_text(w, y, c.state, 8, state, strlen(state),
	    a | (k->revoked ? ui_attr(ui, UI_ATTR_WARN) : 0));
	if (cols - 1 > c.label)
		ui_draw_text(w, y, c.label, cols - 1 - c.label, k->label,
		    strlen(k->label), a | ui_attr(ui, UI_ATTR_DIM));
}

static void
keys_draw(struct ui *ui, void *p, WINDOW *w, int rows, int cols)
{
	struct view_keys *v = p;
	attr_t h = ui_attr(ui, UI_ATTR_TITLE);
	struct keys_cols c = keys_cols(cols);
	int y;

	ui_list_clamp(&v->list, rows - 1);
	ui_draw_text(w, 0, 1, 9, "Key", 3, h);
	ui_draw_text(w, 0, c.name, c.namew, "Pseudonym", 9, h);
	ui_draw_text(w, 0, c.role, 7, "Role", 4, h);
	ui_draw_text(w, 0, c.state, 8, "State", 5, h);
	if (cols - 1 > c.label)
		ui_draw_text(w, 0, c.label, cols - 1 - c.label, "Label", 5, h);
	if (v->n == 0)
		ui_draw_text(w, 2, 1, cols - 2, "No keys to show.", 16,
		    ui_attr(ui, UI_ATTR_DIM));
	for (y = 0; y < rows - 1 && v->list.top + y < (int)v->n; y++)
		keys_row(ui, w, y + 1, cols, &v->k[v->list.top + y],
		    v->list.top + y == v->list.sel);
}

static enum ui_key_result
keys_key(struct ui *ui, void *p, int key)
{
	struct view_keys *v = p;
	const struct store_key *k = v->n > 0 ? &v->k[v->list.sel] : NULL;

	switch (key) {
	case 'r':
		if (k != NULL)
			ui_mod_role(ui, &v->mod, k->pseudonym, (int)k->role);
		return UI_KEY_USED;
	case 'x':
		if (k != NULL && k->revoked)
			ui_message(ui, "key %s is revoked already", k->key_id);
		else if (k != NULL)
			ui_mod_ask(ui, &v->mod, UI_MOD_REVOKE, 0, k->key_id,
			    k->pseudonym);
		return UI_KEY_USED;
	}
	return ui_list_key(&v->list, key, ui_body_rows(ui) - 1);
}

static void
keys_reload(struct ui *ui, void *p)
{
	keys_load(ui, p);
}

static const char *
keys_title(void *p)
{
	(void)p;
	return "keys and roles";
}

static const struct ui_help keys_help[] = {
	UI_HELP_SHARED("?", 0),
	UI_HELP_SHARED("q", 0),
	{ "r", "change the chosen member's role (member or sysop)", "r role",
	    0 },
	{ "x", "revoke the chosen key: it never logs in again", "x revoke key",
	    0 },
	{ "",
	    "demoting a sysop or revoking a sysop's key takes two sysops: the first one's act is pending until another sysop does the same",
	    NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};

const struct ui_view ui_view_keys = {
	.name = "keys",
	.open = keys_open,
	.close = keys_close,
	.draw = keys_draw,
	.key = keys_key,
	.reload = keys_reload,
	.title = keys_title,
	.help = keys_help,
	.motion = 1,
	.back = "back",
};
