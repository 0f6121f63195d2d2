/* bbs: ISC licence, see LICENSE. */
/*
 * The applicants (SPEC section 10): newcomers who joined with an
 * invitation and wait for members' vouches, the longest waiting first,
 * each with the vouches so far and needed and when they would be
 * removed; never who invited or vouched. v vouches for the chosen one
 * (after a y: a vouch lets someone in); sysops admit (a) or reject (x)
 * one at once through a form with a reason, on the public log. The
 * store counts each member once and decides who may. Reloads at the
 * poll, so an applicant admitted or gone elsewhere leaves the list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/invites.h"
#include "ui/moderate.h"
#include "ui/ui-int.h"
#include "util/xmalloc.h"

#define APPLICANTS_HEAD 2 /* the heading and the columns' names */

struct view_applicants {
	struct store_applicant *a;
	size_t n;
	struct ui_list list;
	struct ui_mod mod;             /* the admission or rejection asked */
	char confirm[UI_MOD_NAME_MAX]; /* the applicant v asked about, or "" */
};

static int
applicants_rows(const struct ui *ui)
{
	return ui_body_rows(ui) - APPLICANTS_HEAD - 1;
}

static void
applicants_load(struct ui *ui, struct view_applicants *v)
{
	char sel[UI_MOD_NAME_MAX] = "";
	size_t i;

	if (v->n > 0)
		snprintf(sel, sizeof sel, "%s", v->a[v->list.sel].pseudonym);
	store_applicants_free(v->a, v->n);
	v->a = NULL;
	v->n = 0;
	if (store_applicants_list(ui->st, &v->a, &v->n) != STORE_OK)
		ui_message(ui, "Cannot read the applicants; try again.");
	for (i = 0; i < v->n; i++) {
		if (strcmp(v->a[i].pseudonym, sel) == 0)
			v->list.sel = (int)i; /* the same one stays chosen */
	}
	v->list.n = (int)v->n;
	ui_list_clamp(&v->list, applicants_rows(ui));
}

static void *
applicants_open(struct ui *ui, const void *arg)
{
	struct view_applicants *v = xcalloc(1, sizeof *v);

	(void)arg;
	applicants_load(ui, v);
	return v;
}

static void
applicants_close(void *p)
{
	struct view_applicants *v = p;

	store_applicants_free(v->a, v->n);
	free(v);
}

/* Columns: the pseudonym, then vouches and the expiry from the right. */
static void
applicants_row(struct ui *ui, struct view_applicants *v, WINDOW *w, int y,
    int cols, size_t i)
{
	const struct store_applicant *a = &v->a[i];
	attr_t at = (int)i == v->list.sel ? ui_attr(ui, UI_ATTR_SELECT) : 0;
	char vouches[48], when[20];

	ui_draw_fill(w, y, 0, cols, at);
	text_time(a->expires, cols < 60, when);
	snprintf(vouches, sizeof vouches, "%lld of %lld", (long long)a->vouches,
	    (long long)a->needed);
	ui_draw_right(w, y, cols - 1, 17, when, at);
	ui_draw_right(w, y, cols - 19, 9, vouches, at);
	ui_draw_text(w, y, 1, cols - 30, a->pseudonym, strlen(a->pseudonym),
	    at | A_BOLD);
}

static void
applicants_draw(struct ui *ui, void *p, WINDOW *w, int rows, int cols)
{
	struct view_applicants *v = p;
	attr_t h = ui_attr(ui, UI_ATTR_TITLE);
	int list = rows - APPLICANTS_HEAD - 1, y;
	char head[96];
	static const char foot[] = "Vouch only for someone you know.";

	snprintf(
	    head, sizeof head, "Applicants (%zu), longest waiting first", v->n);
	ui_draw_text(w, 0, 1, cols - 2, head, strlen(head), h);
	ui_draw_text(w, 1, 1, cols - 30, "Pseudonym", 9, h);
	ui_draw_right(w, 1, cols - 19, 9, "Vouches", h);
	ui_draw_right(w, 1, cols - 1, 17, "Removed after", h);
	if (v->n == 0)
		ui_draw_text(w, 3, 1, cols - 2, "Nobody is waiting.", 18,
		    ui_attr(ui, UI_ATTR_DIM));
	ui_list_clamp(&v->list, list);
	for (y = 0; y < list && v->list.top + y < (int)v->n; y++)
		applicants_row(ui, v, w, APPLICANTS_HEAD + y, cols,
		    (size_t)(v->list.top + y));
	ui_draw_text(w, rows - 1, 1, cols - 2, foot, strlen(foot),
	    ui_attr(ui, UI_ATTR_DIM));
}

/* The answer to "vouch for NAME?": y vouches. */
static void
applicants_vouch(struct ui *ui, struct view_applicants *v, int key)
{
	struct store_applicant a;
	char *cause = NULL;
	int r, admitted = 0;

	if (key != 'y') {
		ui_message(ui, "No vouch for %s.", v->confirm);
		v->confirm[0] = '\0';
		return;
	}
	r = store_vouch(ui->st, ui->me->id, v->confirm, &a, &admitted, &cause);
	v->confirm[0] = '\0';
	if (r != STORE_OK)
		ui_message(ui, "%s", cause != NULL ? cause : store_strerror(r));
	else if (admitted)
		ui_message(ui, "%s is a member now (%lld of %lld vouches).",
		    a.pseudonym, (long long)a.vouches, (long long)a.needed);
	else
		ui_message(ui,
		    "Your vouch for %s counts: %lld of %lld vouches.",
		    a.pseudonym, (long long)a.vouches, (long long)a.needed);
	store_applicant_clear(&a);
	free(cause);
	applicants_load(ui, v);
}

static enum ui_key_result
applicants_key(struct ui *ui, void *p, int key)
{
	struct view_applicants *v = p;
	const struct store_applicant *a = v->n > 0 ? &v->a[v->list.sel] : NULL;

	if (v->confirm[0] != '\0') {
		applicants_vouch(ui, v, key);
		return UI_KEY_USED;
	}
	switch (key) {
	case 'v':
		if (a == NULL)
			return UI_KEY_USED;
		snprintf(v->confirm, sizeof v->confirm, "%s", a->pseudonym);
		ui_message(ui,
		    "Vouch for %s, whom you know? y vouches; any other key does not.",
		    v->confirm);
		return UI_KEY_USED;
	case 'a':
	case 'x':
		/* Members never see these keys: for them they do nothing. */
		if (!ui_sysop(ui))
			return UI_KEY_UNUSED;
		if (a != NULL)
			ui_mod_ask(ui, &v->mod,
			    key == 'a' ? UI_MOD_ADMIT : UI_MOD_REJECT, 0,
			    a->pseudonym, NULL);
		return UI_KEY_USED;
	}
	return ui_list_key(&v->list, key, applicants_rows(ui));
}

static void
applicants_reload(struct ui *ui, void *p)
{
	applicants_load(ui, p);
}

static const char *
applicants_title(void *p)
{
	(void)p;
	return "applicants";
}

static const struct ui_help applicants_help[] = {
	UI_HELP_SHARED("?", 0),
	UI_HELP_SHARED("q", 0),
	{ "v", "vouch for the chosen applicant, whom you know (y confirms)",
	    "v vouch", 0 },
	{ "a", "admit the chosen applicant at once, with a reason", "a admit",
	    UI_HELP_SYSOP },
	{ "x", "reject the chosen applicant: removed with their keys",
	    "x reject", UI_HELP_SYSOP },
	{ NULL, NULL, NULL, 0 },
};

const struct ui_view ui_view_applicants = {
	.name = "applicants",
	.open = applicants_open,
	.close = applicants_close,
	.draw = applicants_draw,
	.key = applicants_key,
	.reload = applicants_reload,
	.title = applicants_title,
	.help = applicants_help,
	.motion = 1,
	.back = "back to the boards",
};
