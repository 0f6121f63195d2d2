/* bbs: ISC licence, see LICENSE. */
/* Boards (store/boards.c): the named places threads live in. */
#ifndef STORE_BOARDS_H
#define STORE_BOARDS_H

#include "store/store.h"

struct store_board {
	int64_t id;
	char *name;
	char *title;
	enum store_role post_role;
	int64_t threads;
};

void store_board_free(struct store_board *b);
void store_boards_free(struct store_board *b, size_t n);
int store_board_get(
    struct store *st, const char *name, struct store_board **out);
/* Every board, by name. */
int store_boards_list(struct store *st, struct store_board **out, size_t *n);
/* [{name, title, threads, post_role}] as JSON. */
int store_boards_json(struct store *st, char **out);
struct store_actor;

/*
 * Creates a board; logged as "board-create" by the actor, who must still
 * be a sysop (STORE_ERR_PERM) unless it is the console.
 */
int store_board_create(struct store *st, const struct store_actor *a,
    const char *name, const char *title, enum store_role post_role,
    char **cause);

/*
 * Changes a board's title (NULL keeps it) and who may post (-1 keeps it);
 * logged as "board-edit", with the same check of the actor.
 */
int store_board_edit(struct store *st, const struct store_actor *a,
    const char *name, const char *title, int post_role, char **cause);

#endif
