/* bbs: ISC licence, see LICENSE. */
/*
 * The forms of moderation (see moderate.h): what each act asks, which
 * store function it calls with the member as the actor, and what the
 * bottom bar says afterwards. No rule lives here: who may act, what a
 * reason must be and the two-sysop rule are the store's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/invites.h"
#include "store/moderation.h"
#include "ui/form.h"
#include "ui/moderate.h"
#include "ui/ui-int.h"
#include "util/xmalloc.h"

#define MOD_REASON_BYTES 1024 /* the store counts characters; room for them */
#define MOD_NAME_BYTES 128
#define MOD_TITLE_BYTES 512

/* How each act reads: in the form's title, its hint, the outcome. */
static const struct mod_info {
	const char *verb; /* the title: "Hide post #12 by bob" */
	const char *noun;
	const char *hint;
	const char *done; /* the bar, after what it was done to */
} mod_info[] = {
	[UI_MOD_HIDE] = { "Hide", "post",
	    "required; members see [hidden by sysop: REASON]", "hidden" },
	[UI_MOD_UNHIDE] = { "Unhide", "post", "optional; on the public log",
	    "shown again" },
	[UI_MOD_LOCK] = { "Lock", "thread", "optional; on the public log",
	    "locked" },
	[UI_MOD_UNLOCK] = { "Unlock", "thread", "optional; on the public log",
	    "unlocked" },
	[UI_MOD_STICKY] = { "Make sticky", "thread",
	    "optional; on the public log", "made sticky" },
	[UI_MOD_UNSTICKY] = { "Unsticky", "thread",
	    "optional; on the public log", "no longer sticky" },
	[UI_MOD_FLAG] = { "Flag", "post",
	    "required; for the sysops, who never learn who flagged",
	    "flagged for the sysops" },
	[UI_MOD_DISMISS] = { "Dismiss", "flag", "optional; on the public log",
	    "dismissed" },
	[UI_MOD_REVOKE] = { "Revoke", "key",
	    "optional; on the public log (another sysop's key: two sysops)",
	    "revoked: it cannot log in again" },
	[UI_MOD_ROLE] = { "Role of", "", NULL, "" },
	[UI_MOD_BOARD_CREATE] = { "New board", "board", NULL, "created" },
	[UI_MOD_BOARD_EDIT] = { "Edit board", "board", NULL, "saved" },
	[UI_MOD_ADMIT] = { "Admit", "applicant",
	    "optional; on the public log (never who vouched)",
	    "admitted: a member now" },
	[UI_MOD_REJECT] = { "Reject", "applicant",
	    "optional; on the public log (their keys are removed)",
	    "rejected: removed with their keys" },
};

void
ui_mod_outcome(
    enum ui_mod_act act, const char *what, int pending, char *out, size_t len)
{
	if (pending)
		snprintf(out, len, "pending: a second sysop must confirm");
	else
		snprintf(out, len, "%s%s%s", what,
		    *mod_info[act].done != '\0' ? " " : "", mod_info[act].done);
}

int
ui_erase_confirmed(const char *typed, const char *pseudonym)
{
	size_t len = strlen(pseudonym);

	typed += strspn(typed, " ");
	if (len == 0 || strncmp(typed, pseudonym, len) != 0)
		return 0;
	return typed[len + strspn(typed + len, " ")] == '\0';
}

/* s without the spaces at its ends (in place). */
static char *
mod_trim(char *s)
{
	size_t len;

	s += strspn(s, " ");
	len = strlen(s);
	while (len > 0 && s[len - 1] == ' ')
		s[--len] = '\0';
	return s;
}

/* "post #12", "key abcd1234": what the act was done to. */
static void
mod_what(const struct ui_mod *m, char *out, size_t len)
{
	if (m->act == UI_MOD_REVOKE || m->act >= UI_MOD_ROLE)
		snprintf(out, len, "%s%s%s", mod_info[m->act].noun,
		    *mod_info[m->act].noun != '\0' ? " " : "", m->name);
	else
		snprintf(out, len, "%s #%lld", mod_info[m->act].noun,
		    (long long)m->id);
}

/*
 * Reports the store's answer r. 0 closes the form: done, or refused for
 * good (gone, not allowed); -1 keeps it open for the member to change
 * what they typed (a bad reason, a bad name) or to try again (busy, rate
 * limited).
 */
static int
mod_answer(struct ui *ui, const struct ui_mod *m, int r, int pending,
    char *cause, const char *what)
{
	char msg[256];

	if (r == STORE_OK) {
		ui_mod_outcome(m->act, what, pending, msg, sizeof msg);
		ui_message(ui, "%s", msg);
	} else
		ui_message(ui, "%s", cause != NULL ? cause : store_strerror(r));
	free(cause);
	switch (r) {
	case STORE_ERR_INVALID:
	case STORE_ERR_USAGE:
	case STORE_ERR_EXISTS:
	case STORE_ERR_BUSY:
	case STORE_ERR_RATE:
		return -1;
	}
	return 0;
}

/* The store call of a one-reason act; sets *pending for a revocation. */
static int
mod_reason_run(struct ui *ui, const struct ui_mod *m, const char *reason,
    int *pending, char **cause)
{
	enum store_thread_flag flag =
	    m->act == UI_MOD_STICKY || m->act == UI_MOD_UNSTICKY
	        ? STORE_THREAD_STICKY
	        : STORE_THREAD_LOCKED;
	int on = m->act == UI_MOD_LOCK || m->act == UI_MOD_STICKY;
	struct store_actor a;
	int64_t flag_id;

	ui_actor(ui, &a);
	switch (m->act) {
	case UI_MOD_HIDE:
		return store_post_hide(ui->st, &a, m->id, reason, cause);
	case UI_MOD_UNHIDE:
		return store_post_unhide(ui->st, &a, m->id, reason, cause);
	case UI_MOD_LOCK:
	case UI_MOD_UNLOCK:
	case UI_MOD_STICKY:
	case UI_MOD_UNSTICKY:
		return store_thread_set(
		    ui->st, &a, m->id, flag, on, reason, cause);
	case UI_MOD_FLAG:
		return store_flag_add(
		    ui->st, ui->me->id, m->id, reason, &flag_id, cause);
	case UI_MOD_DISMISS:
		return store_flag_dismiss(ui->st, &a, m->id, reason, cause);
	case UI_MOD_REVOKE:
		return store_key_revoke(
		    ui->st, &a, m->name, reason, pending, cause);
	case UI_MOD_ADMIT:
		return store_applicant_admit(
		    ui->st, &a, m->name, reason, cause);
	case UI_MOD_REJECT:
		return store_applicant_reject(
		    ui->st, &a, m->name, reason, cause);
	default:
		return STORE_ERR_USAGE;
	}
}

static int
mod_reason_submit(struct ui *ui, void *arg, char *const *values)
{
	struct ui_mod *m = arg;
	char *cause = NULL, what[96];
	int r, pending = 0;

	r = mod_reason_run(ui, m, values[0], &pending, &cause);
	mod_what(m, what, sizeof what);
	return mod_answer(ui, m, r, pending, cause, what);
}

/* Sets m up for act on name (a key id, pseudonym or board; NULL: none). */
static void
mod_start(struct ui_mod *m, enum ui_mod_act act, const char *name)
{
	memset(m, 0, sizeof *m);
	m->act = act;
	snprintf(m->name, sizeof m->name, "%s", name != NULL ? name : "");
}

/* Opens the form of spec titled title, which it frees: 0, or -1. */
static int
mod_form_open(struct ui *ui, struct ui_form_spec *spec, char *title)
{
	int r;

	spec->title = title;
	r = ui_form_open(ui, spec);
	free(title);
	return r;
}

int
ui_mod_ask(struct ui *ui, struct ui_mod *m, enum ui_mod_act act, int64_t id,
    const char *name, const char *about)
{
	struct ui_form_field field = { "reason", mod_info[act].hint, NULL,
		MOD_REASON_BYTES };
	struct ui_form_spec spec = { NULL, &field, 1, mod_reason_submit, m };
	char what[96], *title;

	mod_start(m, act, name);
	m->id = id;
	snprintf(m->about, sizeof m->about, "%s", about != NULL ? about : "");
	mod_what(m, what, sizeof what);
	xasprintf(&title, "%s %s%s%s", mod_info[act].verb, what,
	    *m->about != '\0' ? (act == UI_MOD_REVOKE ? " of " : " by ") : "",
	    m->about);
	return mod_form_open(ui, &spec, title);
}

/* "member" or "sysop" (who may post, a role) into *role; -1 if neither. */
static int
mod_role_parse(char *s, enum store_role *role)
{
	if (store_role_parse(mod_trim(s), role) != 0 || *role == STORE_ROLE_BOT)
		return -1;
	return 0;
}

static int
mod_role_submit(struct ui *ui, void *arg, char *const *values)
{
	struct ui_mod *m = arg;
	struct store_actor a;
	enum store_role role;
	char *cause = NULL, what[96];
	int r, pending = 0;

	if (mod_role_parse(values[0], &role) != 0) {
		ui_message(ui, "a role is member or sysop");
		return -1;
	}
	ui_actor(ui, &a);
	r = store_role_set(
	    ui->st, &a, m->name, role, values[1], &pending, &cause);
	snprintf(what, sizeof what, "%s is a %s now", m->name,
	    store_role_name(role));
	return mod_answer(ui, m, r, pending, cause, what);
}

int
ui_mod_role(struct ui *ui, struct ui_mod *m, const char *pseudonym, int role)
{
	struct ui_form_field fields[] = {
		{ "role",
		    "member or sysop (making or unmaking a sysop takes two sysops)",
		    role == STORE_ROLE_SYSOP ? "member" : "sysop",
		    MOD_NAME_BYTES },
		{ "reason", "optional; on the public log", NULL,
		    MOD_REASON_BYTES },
	};
	struct ui_form_spec spec = { NULL, fields, 2, mod_role_submit, m };
	char *title;

	mod_start(m, UI_MOD_ROLE, pseudonym);
	xasprintf(&title, "Role of %s", pseudonym);
	return mod_form_open(ui, &spec, title);
}

static int
mod_board_submit(struct ui *ui, void *arg, char *const *values)
{
	struct ui_mod *m = arg;
	int create = m->act == UI_MOD_BOARD_CREATE;
	char *const *v = create ? values + 1 : values;
	struct store_actor a;
	enum store_role role;
	char *cause = NULL, what[96];
	int r;

	if (mod_role_parse(v[1], &role) != 0) {
		ui_message(ui, "who may post is member or sysop");
		return -1;
	}
	ui_actor(ui, &a);
	if (create) {
		snprintf(m->name, sizeof m->name, "%s", mod_trim(values[0]));
		r = store_board_create(ui->st, &a, m->name, v[0], role, &cause);
	} else
		r = store_board_edit(
		    ui->st, &a, m->name, v[0], (int)role, &cause);
	mod_what(m, what, sizeof what);
	return mod_answer(ui, m, r, 0, cause, what);
}

int
ui_mod_board_create(struct ui *ui, struct ui_mod *m)
{
	static const struct ui_form_field fields[] = {
		{ "name",
		    "1-32 of A-Z a-z 0-9 _ -, as in ssh HOST threads NAME",
		    NULL, MOD_NAME_BYTES },
		{ "title", "what it is for, in a line (may be empty)", NULL,
		    MOD_TITLE_BYTES },
		{ "who may post", "member or sysop", "member", MOD_NAME_BYTES },
	};
	struct ui_form_spec spec = { "New board", fields, 3, mod_board_submit,
		m };

	mod_start(m, UI_MOD_BOARD_CREATE, NULL);
	return ui_form_open(ui, &spec);
}

int
ui_mod_board_edit(struct ui *ui, struct ui_mod *m, const char *name,
    const char *title, int post_role)
{
	struct ui_form_field fields[] = {
		{ "title", "what it is for, in a line (may be empty)", title,
		    MOD_TITLE_BYTES },
		{ "who may post",
		    "member or sysop (starting threads and replying)",
		    store_role_name((enum store_role)post_role),
		    MOD_NAME_BYTES },
	};
	struct ui_form_spec spec = { NULL, fields, 2, mod_board_submit, m };
	char *t;

	mod_start(m, UI_MOD_BOARD_EDIT, name);
	xasprintf(&t, "Edit board %s", name);
	return mod_form_open(ui, &spec, t);
}
