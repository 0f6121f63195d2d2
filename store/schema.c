/* bbs: ISC licence, see LICENSE. */
/*
 * The schema and its migrations. PRAGMA user_version holds the number of
 * steps applied; store_migrate() runs the missing ones, each in its own
 * transaction, so a database of any older version comes up to date and a
 * failed step leaves the previous version intact.
 *
 * Checklist for a schema change: add a step at the end of migrations[]
 * (never edit a step that has shipped), keep the design comment below true,
 * and add a case to tests/unit/test-store.c that migrates from the version
 * before.
 *
 * Tables (version 1):
 *
 *   settings   name -> value: configurable limits; absent means default.
 *   members    a pseudonym (unique ignoring case) and its role. Deleting a
 *              member (erase-me) cascades to keys, reads, votes and pending
 *              requests and sets the author of posts, threads and pins to
 *              NULL, shown as "[erased]".
 *   keys       per key: the keyed BLAKE2b hash of its public blob (never
 *              the key), a printable key_id derived from that hash, a
 *              label, revoked. A revoked key stays listed but never logs in.
 *   key_boards the boards a bot key may post to.
 *   boards     name (unique ignoring case), title, post_role.
 *   threads    title, board, author, flags; last_post_id and posts are kept
 *              by triggers on posts and give the activity order.
 *   posts      body, author, thread; hidden_reason non-NULL hides the body
 *              from members without deleting it.
 *   posts_fts  FTS5 over the first post's thread title and every body,
 *              rowid = post id, kept by triggers.
 *   reads      a member's read position per thread; private to them.
 *   pins       a link once per normalised URL: url is the link as shown,
 *              url_norm (UNIQUE) its ASCII form, which decides equality
 *              (store/url.h). score is the number of rows in votes for it,
 *              kept by triggers on votes. hot is the hot order's key (see
 *              store/pins.h), a generated column so it can be indexed.
 *              expires is NULL or a YYYY-MM-DD date (UTC). thread_id is
 *              the pin's discussion thread, on the board "pins".
 *   pin_tags   up to five tags a pin, each [a-z0-9-]{1,24}.
 *   votes      one row per member per pin; pinning is the pinner's vote.
 *   pin_reads  per member, the newest pin seen on the pin board; private
 *              to them like reads.
 *   modlog     append-only (triggers refuse UPDATE and DELETE); each row
 *              carries prev = the previous row's hash (zeros for the first),
 *              hash = BLAKE2b(prev, fields) and an Ed25519 signature of hash.
 *   pending    the first sysop's half of a two-sysop act; expires after 7
 *              days.
 *   flags      a member's request that sysops look at a post; who flagged
 *              is not recorded.
 *   rate_events the last 60 seconds of posts and pins per member, for rate
 *              limits; older rows are deleted on every check.
 *
 * Version 2 adds id_high (the highest id deleted from threads, posts,
 * pins and flags, so no id is ever used twice) and threads.first_post_id
 * (the opening post's id, kept by the trigger on posts).
 *
 * Version 3, the front door (SPEC section 10):
 *
 *   invites    an open invitation: the keyed hash of its code (never the
 *              code; keys/invite.h), its inviter, created and expires, and
 *              seq, the id its inviter sees (counted per inviter, so it
 *              tells nothing of anyone else's invitations). A row is
 *              deleted when its code is used, revoked or expired: only open
 *              invitations exist, so a used, revoked, expired and wrong
 *              code look alike. Deleting the inviter deletes them.
 *   vouches    who vouched for an applicant (the inviter's row is the
 *              invitation's vouch), kept only while the applicant waits:
 *              admission, rejection and expiry delete every row of the
 *              applicant, so afterwards nothing says who brought whom.
 *   members    rebuilt so role may also be 'applicant': a newcomer waiting
 *              for join_vouches vouches, whose key logs in but who may
 *              only run whoami and help. An applicant is removed 14 days
 *              after created.
 *   boards     gain public: readable by guests (who see nothing else).
 *
 * Times ("created") are Unix seconds rounded down to the configured
 * precision (an hour by default). Order always comes from ids.
 */
#include <sqlite3.h>

#include "store/store-int.h"

/* Remembers the highest id deleted from a table (version 2). */
#define ID_HIGH_TRIGGER(t)                                                     \
	"CREATE TRIGGER " t "_id_high AFTER DELETE ON " t " BEGIN"             \
	"  INSERT INTO id_high (tbl, id) VALUES ('" t "', old.id)"             \
	"    ON CONFLICT (tbl) DO UPDATE SET id = max(id, excluded.id);"       \
	"END;"

static const char *const migrations[] = {
	/* 1: everything the first release needs. */
	"CREATE TABLE settings ("
	"  name TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL"
	") WITHOUT ROWID;"

	"CREATE TABLE members ("
	"  id INTEGER PRIMARY KEY,"
	"  pseudonym TEXT NOT NULL UNIQUE COLLATE NOCASE,"
	"  role TEXT NOT NULL CHECK (role IN ('member', 'sysop', 'bot')),"
	"  created INTEGER NOT NULL"
	");"

	"CREATE TABLE boards ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
	"  title TEXT NOT NULL DEFAULT '',"
	"  post_role TEXT NOT NULL DEFAULT 'member'"
	"    CHECK (post_role IN ('member', 'sysop')),"
	"  created INTEGER NOT NULL"
	");"

	"CREATE TABLE keys ("
	"  id INTEGER PRIMARY KEY,"
	"  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,"
	"  hash BLOB NOT NULL UNIQUE,"
	"  key_id TEXT NOT NULL UNIQUE,"
	"  label TEXT NOT NULL DEFAULT '',"
	"  created INTEGER NOT NULL,"
	"  revoked INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE INDEX keys_member ON keys(member_id);"

	"CREATE TABLE key_boards ("
	"  key_id INTEGER NOT NULL REFERENCES keys(id) ON DELETE CASCADE,"
	"  board_id INTEGER NOT NULL REFERENCES boards(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (key_id, board_id)"
	") WITHOUT ROWID;"

	"CREATE TABLE threads ("
	"  id INTEGER PRIMARY KEY,"
	"  board_id INTEGER NOT NULL REFERENCES boards(id),"
	"  title TEXT NOT NULL,"
	"  author_id INTEGER REFERENCES members(id) ON DELETE SET NULL,"
	"  created INTEGER NOT NULL,"
	"  last_post_id INTEGER NOT NULL DEFAULT 0,"
	"  posts INTEGER NOT NULL DEFAULT 0,"
	"  locked INTEGER NOT NULL DEFAULT 0,"
	"  sticky INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE INDEX threads_board ON threads(board_id, sticky, last_post_id);"
	"CREATE INDEX threads_author ON threads(author_id);"

	"CREATE TABLE posts ("
	"  id INTEGER PRIMARY KEY,"
	"  thread_id INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,"
	"  author_id INTEGER REFERENCES members(id) ON DELETE SET NULL,"
	"  body TEXT NOT NULL,"
	"  created INTEGER NOT NULL,"
	"  hidden_reason TEXT"
	");"
	"CREATE INDEX posts_thread ON posts(thread_id, id);"
	"CREATE INDEX posts_author ON posts(author_id);"

	"CREATE VIRTUAL TABLE posts_fts USING fts5("
	"  title, body, tokenize = 'unicode61 remove_diacritics 2');"

	"CREATE TRIGGER posts_insert AFTER INSERT ON posts BEGIN"
	"  UPDATE threads SET last_post_id = new.id, posts = posts + 1"
	"    WHERE id = new.thread_id;"
	"  INSERT INTO posts_fts(rowid, title, body) VALUES (new.id,"
	"    (SELECT CASE WHEN posts = 1 THEN title ELSE '' END"
	"       FROM threads WHERE id = new.thread_id), new.body);"
	"END;"
	"CREATE TRIGGER posts_delete AFTER DELETE ON posts BEGIN"
	"  UPDATE threads SET posts = posts - 1,"
	"    last_post_id = coalesce((SELECT max(id) FROM posts"
	"      WHERE thread_id = old.thread_id), 0)"
	"    WHERE id = old.thread_id;"
	"  DELETE FROM posts_fts WHERE rowid = old.id;"
	"END;"
	"CREATE TRIGGER posts_update AFTER UPDATE OF body ON posts BEGIN"
	"  UPDATE posts_fts SET body = new.body WHERE rowid = new.id;"
	"END;"

	"CREATE TABLE reads ("
	"  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,"
	"  thread_id INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,"
	"  last_post_id INTEGER NOT NULL,"
	"  PRIMARY KEY (member_id, thread_id)"
	") WITHOUT ROWID;"

	"CREATE TABLE pins ("
	"  id INTEGER PRIMARY KEY,"
	"  url TEXT NOT NULL,"
	"  url_norm TEXT NOT NULL UNIQUE,"
	"  caption TEXT NOT NULL DEFAULT '',"
	"  author_id INTEGER REFERENCES members(id) ON DELETE SET NULL,"
	"  created INTEGER NOT NULL,"
	"  expires TEXT CHECK (expires GLOB"
	"    '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
	"  score INTEGER NOT NULL DEFAULT 0,"
	"  hot REAL GENERATED ALWAYS AS"
	"    (log2(max(score, 1)) + created / 86400.0) STORED,"
	"  thread_id INTEGER UNIQUE REFERENCES threads(id) ON DELETE SET NULL"
	");"
	"CREATE INDEX pins_author ON pins(author_id);"
	"CREATE INDEX pins_hot ON pins(hot);"
	"CREATE TABLE pin_tags ("
	"  pin_id INTEGER NOT NULL REFERENCES pins(id) ON DELETE CASCADE,"
	"  tag TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 24"
	"    AND tag NOT GLOB '*[^a-z0-9-]*'),"
	"  PRIMARY KEY (pin_id, tag)"
	") WITHOUT ROWID;"
	"CREATE INDEX pin_tags_tag ON pin_tags(tag, pin_id);"
	"CREATE TABLE votes ("
	"  pin_id INTEGER NOT NULL REFERENCES pins(id) ON DELETE CASCADE,"
	"  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (pin_id, member_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX votes_member ON votes(member_id);"
	"CREATE TRIGGER votes_insert AFTER INSERT ON votes BEGIN"
	"  UPDATE pins SET score = score + 1 WHERE id = new.pin_id;"
	"END;"
	"CREATE TRIGGER votes_delete AFTER DELETE ON votes BEGIN"
	"  UPDATE pins SET score = score - 1 WHERE id = old.pin_id;"
	"END;"
	"CREATE TABLE pin_reads ("
	"  member_id INTEGER PRIMARY KEY"
	"    REFERENCES members(id) ON DELETE CASCADE,"
	"  last_pin_id INTEGER NOT NULL"
	");"

	"CREATE TABLE modlog ("
	"  id INTEGER PRIMARY KEY,"
	"  actor TEXT NOT NULL,"
	"  act TEXT NOT NULL,"
	"  target TEXT NOT NULL,"
	"  reason TEXT NOT NULL DEFAULT '',"
	"  created INTEGER NOT NULL,"
	"  prev BLOB NOT NULL,"
	"  hash BLOB NOT NULL,"
	"  sig BLOB NOT NULL"
	");"
	"CREATE TRIGGER modlog_no_update BEFORE UPDATE ON modlog BEGIN"
	"  SELECT RAISE(ABORT, 'the moderation log is append-only');"
	"END;"
	"CREATE TRIGGER modlog_no_delete BEFORE DELETE ON modlog BEGIN"
	"  SELECT RAISE(ABORT, 'the moderation log is append-only');"
	"END;"

	"CREATE TABLE pending ("
	"  id INTEGER PRIMARY KEY,"
	"  act TEXT NOT NULL,"
	"  target TEXT NOT NULL,"
	"  requested_by INTEGER NOT NULL"
	"    REFERENCES members(id) ON DELETE CASCADE,"
	"  created INTEGER NOT NULL,"
	"  UNIQUE (act, target, requested_by)"
	");"

	"CREATE TABLE flags ("
	"  id INTEGER PRIMARY KEY,"
	"  post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,"
	"  reason TEXT NOT NULL,"
	"  created INTEGER NOT NULL,"
	"  closed INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE INDEX flags_open ON flags(closed, id);"

	"CREATE TABLE rate_events ("
	"  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,"
	"  kind TEXT NOT NULL,"
	"  at INTEGER NOT NULL"
	");"
	"CREATE INDEX rate_events_member ON rate_events(member_id, kind, at);",

	/*
	 * Version 2. Ids are never used twice: SQLite gives a new row the
	 * highest id + 1, so erasing the newest post, thread, pin or flag
	 * handed its id to the next one, and log entries and scripts that
	 * named it then meant something else. id_high keeps the highest id
	 * each of those tables has deleted; inserts take STORE_SQL_NEXT_ID.
	 * threads.first_post_id says whether the opening post is still there,
	 * so an erased opening post does not take a reply off the count.
	 */
	/* clang-format off */
	"CREATE TABLE id_high ("
	"  tbl TEXT PRIMARY KEY,"
	"  id INTEGER NOT NULL"
	") WITHOUT ROWID;"
	ID_HIGH_TRIGGER("threads")
	ID_HIGH_TRIGGER("posts")
	ID_HIGH_TRIGGER("pins")
	ID_HIGH_TRIGGER("flags")

	"ALTER TABLE threads ADD COLUMN first_post_id INTEGER NOT NULL"
	"  DEFAULT 0;"
	"UPDATE threads SET first_post_id = coalesce((SELECT min(id)"
	"  FROM posts WHERE thread_id = threads.id), 0);"
	"DROP TRIGGER posts_insert;"
	"CREATE TRIGGER posts_insert AFTER INSERT ON posts BEGIN"
	"  UPDATE threads SET last_post_id = new.id, posts = posts + 1,"
	"    first_post_id = CASE first_post_id WHEN 0 THEN new.id"
	"      ELSE first_post_id END"
	"    WHERE id = new.thread_id;"
	"  INSERT INTO posts_fts(rowid, title, body) VALUES (new.id,"
	"    (SELECT CASE WHEN posts = 1 THEN title ELSE '' END"
	"       FROM threads WHERE id = new.thread_id), new.body);"
	"END;",

	/*
	 * Version 3: invitations, vouches, applicants, public boards. The
	 * members table is rebuilt for its new CHECK (SQLite cannot alter
	 * one), the way the SQLite documentation gives ("Making Other Kinds
	 * Of Table Schema Changes"): store_migrate_to() runs every step with
	 * foreign keys off, or dropping the old table would cascade to every
	 * key, post author and read position, and checks them before commit.
	 */
	"CREATE TABLE members_v3 ("
	"  id INTEGER PRIMARY KEY,"
	"  pseudonym TEXT NOT NULL UNIQUE COLLATE NOCASE,"
	"  role TEXT NOT NULL"
	"    CHECK (role IN ('member', 'sysop', 'bot', 'applicant')),"
	"  created INTEGER NOT NULL"
	");"
	"INSERT INTO members_v3 (id, pseudonym, role, created)"
	"  SELECT id, pseudonym, role, created FROM members;"
	"DROP TABLE members;"
	"ALTER TABLE members_v3 RENAME TO members;"
	"CREATE INDEX members_role ON members(role, created);"

	"CREATE TABLE invites ("
	"  id INTEGER PRIMARY KEY,"
	"  hash BLOB NOT NULL UNIQUE,"
	"  inviter_id INTEGER NOT NULL"
	"    REFERENCES members(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  created INTEGER NOT NULL,"
	"  expires INTEGER NOT NULL,"
	"  UNIQUE (inviter_id, seq)"
	");"
	"CREATE INDEX invites_expires ON invites(expires);"

	"CREATE TABLE vouches ("
	"  applicant_id INTEGER NOT NULL"
	"    REFERENCES members(id) ON DELETE CASCADE,"
	"  voucher_id INTEGER NOT NULL"
	"    REFERENCES members(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (applicant_id, voucher_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX vouches_voucher ON vouches(voucher_id);"

	"ALTER TABLE boards ADD COLUMN public INTEGER NOT NULL DEFAULT 0;",
	/* clang-format on */
};

#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

int
store_schema_version(void)
{
	return SCHEMA_VERSION;
}

static int
store_user_version(struct store *st, int *out)
{
	sqlite3_stmt *stmt = NULL;
	int r;

	if ((r = store_prepare(st, &stmt, "PRAGMA user_version")) != STORE_OK)
		return r;
	if (sqlite3_step(stmt) != SQLITE_ROW)
		r = store_sqlite_err(st, "user_version");
	else
		*out = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return r;
}

/* Turns foreign keys on or off, and makes sure they are. */
static int
migrate_foreign_keys(struct store *st, int on, char **cause)
{
	sqlite3_stmt *stmt = NULL;
	int r = STORE_ERR_INTERNAL;

	if (sqlite3_exec(st->db,
	        on ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF",
	        NULL, NULL, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(
	        st->db, "PRAGMA foreign_keys", -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW &&
	    sqlite3_column_int(stmt, 0) == on)
		r = STORE_OK;
	else
		store_cause(cause,
		    "cannot turn foreign keys %s for the migration",
		    on ? "on" : "off");
	sqlite3_finalize(stmt);
	return r;
}

/* Inside a step's transaction: no row may point at a missing row. */
static int
migrate_check(struct store *st, int version, char **cause)
{
	sqlite3_stmt *stmt;
	int r, rc;

	if ((r = store_prepare(st, &stmt, "PRAGMA foreign_key_check")) != 0)
		return r;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		store_cause(cause,
		    "migration to schema %d failed: a row of %s refers to a missing row",
		    version, sqlite3_column_text(stmt, 0));
		r = STORE_ERR_CORRUPT;
	} else if (rc != SQLITE_DONE)
		r = store_sqlite_err(st, "foreign_key_check");
	sqlite3_finalize(stmt);
	return r;
}

int
store_migrate_to(struct store *st, int target, char **cause)
{
	char *sql = NULL;
	int version = 0, r;

	if ((r = store_user_version(st, &version)) != STORE_OK)
		return r;
	if (version > SCHEMA_VERSION) {
		store_cause(cause,
		    "database schema %d is newer than this bbs (%d); upgrade bbs",
		    version, SCHEMA_VERSION);
		return STORE_ERR_INVALID;
	}
	if (version >= target)
		return STORE_OK;
	/*
	 * Foreign keys off while the steps run (a table rebuilt would
	 * cascade), which SQLite allows only outside a transaction; each
	 * step checks them before its commit instead.
	 */
	if ((r = migrate_foreign_keys(st, 0, cause)) != STORE_OK)
		return r;
	for (; version < target; version++) {
		if ((r = store_begin(st)) != STORE_OK)
			break;
		xasprintf(&sql, "%s; PRAGMA user_version = %d",
		    migrations[version], version + 1);
		if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
			store_cause(cause, "migration to schema %d failed: %s",
			    version + 1, sqlite3_errmsg(st->db));
			store_rollback(st);
			free(sql);
			r = STORE_ERR_INTERNAL;
			break;
		}
		free(sql);
		if ((r = migrate_check(st, version + 1, cause)) != STORE_OK) {
			store_rollback(st);
			break;
		}
		if ((r = store_commit(st)) != STORE_OK)
			break;
	}
	if (migrate_foreign_keys(st, 1, cause) != STORE_OK && r == STORE_OK)
		r = STORE_ERR_INTERNAL;
	return r;
}

int
store_migrate(struct store *st, char **cause)
{
	return store_migrate_to(st, SCHEMA_VERSION, cause);
}
