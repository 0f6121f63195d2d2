/* bbs: ISC licence, see LICENSE. */
/*
 * The front door's pieces that need both keys/ and store/ (SPEC section
 * 10), for every part of bbs/ that makes them: the exec command `invite`
 * and the board's "Invite someone" form (through a hook the session
 * wires in, since ui/ knows no keys/).
 */
#ifndef BBS_FRONT_H
#define BBS_FRONT_H

#include "bbs/bbs.h"
#include "keys/invite.h"
#include "store/invites.h"

/*
 * A new invitation by member: a fresh code from keys/, its keyed hash
 * (secret.key read from the data directory, and wiped) stored by
 * store_invite_create(). On success code holds the printed code, shown
 * to the member once and never again, and *out the invitation. Returns
 * a STORE_* code: STORE_ERR_RATE past the cap, STORE_ERR_PERM for a bot
 * or an applicant, STORE_ERR_INTERNAL (with *cause) when secret.key
 * cannot be read.
 */
int bbs_invite_create(const struct bbs_paths *p, struct store *st,
    int64_t member, char code[KEYS_INVITE_TEXT_LEN + 1],
    struct store_invite *out, char **cause);

#endif
