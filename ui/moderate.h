/* bbs: ISC licence, see LICENSE. */
/*
 * Acts on what is under the cursor, each through a form (ui/form.h):
 * hide and unhide a post, lock, unlock, sticky and unsticky a thread,
 * dismiss a flag, revoke a key, change a member's role, create and edit
 * a board, admit or reject an applicant (sysops); flag a post (every
 * member). The store decides every
 * rule, the two-sysop rule included; the form only asks, and the bottom
 * bar says what the store did or why it refused. Views call these only
 * for a sysop (ui_sysop()), flagging aside; the store checks again.
 */
#ifndef UI_MODERATE_H
#define UI_MODERATE_H

#include <stddef.h>
#include <stdint.h>

struct ui;

enum ui_mod_act {
	UI_MOD_HIDE,
	UI_MOD_UNHIDE,
	UI_MOD_LOCK,
	UI_MOD_UNLOCK,
	UI_MOD_STICKY,
	UI_MOD_UNSTICKY,
	UI_MOD_FLAG,
	UI_MOD_DISMISS,
	UI_MOD_REVOKE,
	UI_MOD_ROLE,
	UI_MOD_BOARD_CREATE,
	UI_MOD_BOARD_EDIT,
	UI_MOD_ADMIT,
	UI_MOD_REJECT,
};

#define UI_MOD_NAME_MAX 64

/*
 * What a form is about, kept by the view that opened it (alive while the
 * form is open, which takes every key until it closes).
 */
struct ui_mod {
	enum ui_mod_act act;
	int64_t id;                  /* the post, thread or flag */
	char name[UI_MOD_NAME_MAX];  /* the key id, pseudonym or board */
	char about[UI_MOD_NAME_MAX]; /* for the form's title: an author */
};

/*
 * Asks for the reason of a hide, unhide, lock, unlock, sticky, unsticky,
 * flag or dismiss of the post, thread or flag id, of revoking the key
 * named name (UI_MOD_REVOKE), or of admitting or rejecting the applicant
 * named name (UI_MOD_ADMIT, UI_MOD_REJECT); about (may be NULL) names
 * the post's author in the title. 0, or -1 if the form could not open.
 */
int ui_mod_ask(struct ui *ui, struct ui_mod *m, enum ui_mod_act act, int64_t id,
    const char *name, const char *about);

/*
 * Asks which role pseudonym gets (member or sysop; the field starts with
 * the other one than role) and why.
 */
int ui_mod_role(
    struct ui *ui, struct ui_mod *m, const char *pseudonym, int role);

/* A new board: name, title, who may post. */
int ui_mod_board_create(struct ui *ui, struct ui_mod *m);

/* Board name's title and who may post, starting from the current ones. */
int ui_mod_board_edit(struct ui *ui, struct ui_mod *m, const char *name,
    const char *title, int post_role);

/*
 * The bottom bar's words for the outcome of act: what was done to what
 * (what: "post #12", "alice"...), or that it waits for a second sysop.
 * Writes at most len bytes to out.
 */
void ui_mod_outcome(
    enum ui_mod_act act, const char *what, int pending, char *out, size_t len);

/*
 * Does typed confirm erasing the member called pseudonym? Only the
 * pseudonym itself, exactly (case counts), with nothing but spaces
 * around it.
 */
int ui_erase_confirmed(const char *typed, const char *pseudonym);

#endif
