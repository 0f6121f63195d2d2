/* bbs: ISC licence, see LICENSE. */
/*
 * Commands: the ones a key runs over SSH (`ssh HOST whoami`) and the local
 * administration of `bbs key add ...` share one shape, one argument parser
 * and one way of reporting errors: one line on stderr, "NAME: message",
 * and an exit status from <sysexits.h> (SPEC section 4).
 *
 * An exec command is one file, bbs/cmd-NAME.c, exporting
 * `const struct cmd cmd_NAME`, listed in cmd_table[] in cmd.c; a local one
 * is bbs/admin-*.c, listed in admin.c.
 */
#ifndef BBS_CMD_H
#define BBS_CMD_H

#include <stdint.h>
#include <stdio.h>

#include "bbs/cmd/args.h"
#include "bbs/bbs.h"
#include "store/boards.h"
#include "store/members.h"
#include "store/moderation.h"
#include "store/modlog.h"
#include "store/threads.h"

#define CMD_SYSOP 0x1 /* over SSH, sysops only */
#define CMD_BOT 0x2   /* bot keys may run it */
/* The front door (SPEC section 10): */
#define CMD_GUEST 0x4      /* a guest (no key) may run it */
#define CMD_GUEST_READ 0x8 /* ... when the setting guests is "read" */
#define CMD_APPLICANT 0x10 /* an applicant may run it */
#define CMD_NEWCOMER 0x20  /* only a guest may run it (join) */

struct cmd_ctx {
	struct store *st;
	const struct bbs_paths *paths;
	const struct cmd *cmd;   /* the command running */
	int console;             /* local administration: the "console" sysop */
	struct store_member *me; /* NULL for the console and a guest */
	struct store_login login;
	char **boards; /* a bot key's boards, NULL-terminated; else NULL */
	FILE *in, *out, *err;
	/*
	 * A guest session: no member, no key (me NULL, login zero). Only
	 * CMD_GUEST commands run, and CMD_GUEST_READ ones when the setting
	 * guests is "read"; cmd_run_line() puts the store in public-only
	 * mode (store/guest.h), so they see public boards only and nothing
	 * is written.
	 */
	int guest;
};

struct cmd {
	const char *name;    /* "whoami", "key add" */
	const char *usage;   /* what follows the name in a usage line */
	const char *summary; /* one line for help */
	const char *help;    /* more for `help NAME` and --help, or NULL */
	int flags;
	const struct args_opt *opts; /* NULL-name terminated, or NULL */
	int min_args;                /* positional words */
	int max_args;
	int (*exec)(struct cmd_ctx *ctx, struct args *args);
};

/* The commands a key may run over SSH, NULL-terminated. */
extern const struct cmd *const cmd_table[];

/*
 * Splits line into words and runs the command they name from cmd_table,
 * checking the member's permission first. Returns the exit status.
 */
int cmd_run_line(struct cmd_ctx *ctx, const char *line);

/*
 * Runs argv (argv[0] the command's first word) against table: finds the
 * command (one or two words), parses its options, checks the number of
 * positional words, answers --help. Returns the exit status.
 */
int cmd_dispatch(struct cmd_ctx *ctx, const struct cmd *const *table,
    const char *prog, int argc, char **argv);

/*
 * May the context's key run c? (Always for the console; for a guest only
 * what SPEC section 10 lets a guest run.)
 */
int cmd_allowed(const struct cmd_ctx *ctx, const struct cmd *c);

/* The member running the command: their id, 0 for a guest or the console. */
int64_t cmd_member_id(const struct cmd_ctx *ctx);

/*
 * Reads the one OpenSSH public key line on standard input (blank lines
 * and # comments aside) and parses it, asking libssh too, so a key stored
 * can log in. Returns 0 with *out (the caller's, keys_pubkey_free()), or
 * EX_DATAERR after saying what is wrong (`key add`, `join`).
 */
struct keys_pubkey;
int cmd_key_line(struct cmd_ctx *ctx, struct keys_pubkey **out);

/* Prints "NAME: message" on stderr; returns status. */
int cmd_error(struct cmd_ctx *ctx, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * Reports a store error: cause if set (and frees it), else the error's
 * name; returns the exit status for r.
 */
int cmd_fail(struct cmd_ctx *ctx, int r, char *cause);

/*
 * The end of an act that may take two sysops (key revoke, role): a store
 * error as cmd_fail() reports it (and frees cause); else prints "pending"
 * when the act waits for a second sysop's request. Returns the exit status.
 */
int cmd_two_sysops_done(struct cmd_ctx *ctx, int r, int pending, char *cause);

/*
 * Prints c's one help text to f: the usage line, the summary, the options
 * and the longer text (what it prints, its exit statuses). `help NAME` and
 * `NAME --help` both show it.
 */
void cmd_describe(FILE *f, const char *prog, const struct cmd *c);

/* Who acts, as a store actor: the console, or the sysop's id and name. */
void cmd_store_actor(const struct cmd_ctx *ctx, struct store_actor *a);

/* Writes member text to ctx->out through the terminal sanitiser. */
void cmd_put_text(struct cmd_ctx *ctx, const char *s, int flags);

/*
 * Writes a multi-line body through the sanitiser, every line (blank ones
 * too) indented by four spaces, so no body line can pass for a header.
 */
void cmd_put_body(struct cmd_ctx *ctx, const char *s);

/* A thread's flags for plain output: "-", "sticky", "locked" or both. */
const char *cmd_thread_flags(int sticky, int locked);

/* Writes a stored time as ISO-8601 UTC ("2026-11-21T14:00:00Z"). */
void cmd_put_time(struct cmd_ctx *ctx, int64_t t);

/*
 * Writes an applicant's line, tab-separated: PSEUDONYM VOUCHES NEEDED and
 * last (`applicants`: when they expire; `vouch`: their role now).
 */
struct store_applicant;
void cmd_put_applicant(
    struct cmd_ctx *ctx, const struct store_applicant *a, const char *last);

/* Writes a JSON value and a newline to ctx->out. */
void cmd_put_json(struct cmd_ctx *ctx, const char *json);

/*
 * Parses an id (a thread's, a post's): decimal digits only, 1 to INT64_MAX.
 * Returns 0, or EX_USAGE after saying "'WORD' is not a WHAT id".
 */
int cmd_parse_id(
    struct cmd_ctx *ctx, const char *word, const char *what, int64_t *out);

/*
 * The --limit option: def when absent, else 1 to STORE_LIMIT_MAX. Returns
 * 0, or EX_USAGE after saying what is wrong.
 */
int cmd_opt_limit(struct cmd_ctx *ctx, struct args *args, int def, int *out);

/*
 * Reads standard input to end of file for a body (and a title line): at
 * most CMD_INPUT_MAX(body_max) bytes, at most INPUT_IDLE_MS of silence,
 * within INPUT_TOTAL_MS and at INPUT_RATE or faster (input.h). Returns 0
 * with *out (NUL-terminated, the caller's) and *len, or the exit status
 * after saying what is wrong: EX_DATAERR for too large or silent input,
 * EX_TEMPFAIL for input too slow or too long (nothing was stored).
 */
int cmd_read_input(struct cmd_ctx *ctx, char **out, size_t *len);

/*
 * The same for any input (a key line, a caption): at most max bytes, or
 * EX_DATAERR saying "WHAT is too large (at most LIMIT bytes)". Every
 * command that reads standard input goes through here, so none waits on
 * a silent client for ever.
 */
int cmd_read_stdin(struct cmd_ctx *ctx, size_t max, const char *what,
    int64_t limit, char **out, size_t *len);

/*
 * The most standard input a body may take before it is refused unread: the
 * body limit applies after normalisation (CRLF becomes LF, controls go,
 * trailing newlines go), so room for a CRLF body and a title line.
 */
#define CMD_INPUT_MAX(body_max) (2 * (size_t)(body_max) + 8192)

/*
 * May this key post on board b (into thread t, unless NULL)? The store's
 * rule (store_post_check()), asked before a body is read, so a refusal
 * costs no upload; the store asks again as it writes. Returns 0, or the
 * exit status (EX_NOPERM) after saying why: for a bot key, naming the
 * boards it may post on.
 */
int cmd_may_post(struct cmd_ctx *ctx, const struct store_board *b,
    const struct store_thread *t);

/* Walks the moderation log: "ok N entries", or 65 naming the bad entry. */
int cmd_modlog_verify(struct cmd_ctx *ctx);

/* role PSEUDONYM member|sysop: shared by `role` and `bbs member role`. */
int cmd_role_exec(struct cmd_ctx *ctx, struct args *args);

/* boards [--json]: shared by `boards` and `bbs board list`. */
int cmd_boards_exec(struct cmd_ctx *ctx, struct args *args);

extern const struct cmd cmd_help;
extern const struct cmd cmd_whoami;
extern const struct cmd cmd_boards;
extern const struct cmd cmd_threads;
extern const struct cmd cmd_read;
extern const struct cmd cmd_post;
extern const struct cmd cmd_reply;
extern const struct cmd cmd_search;
extern const struct cmd cmd_forget_reads;
extern const struct cmd cmd_key_add;
extern const struct cmd cmd_key_list;
extern const struct cmd cmd_key_revoke;
extern const struct cmd cmd_role;
extern const struct cmd cmd_hide;
extern const struct cmd cmd_unhide;
extern const struct cmd cmd_lock;
extern const struct cmd cmd_unlock;
extern const struct cmd cmd_sticky;
extern const struct cmd cmd_unsticky;
extern const struct cmd cmd_flag;
extern const struct cmd cmd_flags;
extern const struct cmd cmd_dismiss;
extern const struct cmd cmd_modlog;
extern const struct cmd cmd_erase_me;
extern const struct cmd cmd_board_create;
extern const struct cmd cmd_board_edit;
extern const struct cmd cmd_pin;
extern const struct cmd cmd_pins;
extern const struct cmd cmd_vote;
extern const struct cmd cmd_invite;
extern const struct cmd cmd_invite_revoke;
extern const struct cmd cmd_invites;
extern const struct cmd cmd_vouch;
extern const struct cmd cmd_applicants;
extern const struct cmd cmd_admit;
extern const struct cmd cmd_reject;
extern const struct cmd cmd_join;

#endif
