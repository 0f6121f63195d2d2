/* bbs: ISC licence, see LICENSE. */
/*
 * keys/: public key lines, the keyed identity hash and key ids against
 * known answers (computed independently with Python's hashlib.blake2b,
 * key = bytes 0..31), invitation codes and their keyed hash (the same
 * way: crypto_kdf's subkey is BLAKE2b with the subkey id as salt and the
 * context as personalisation), and the secret files.
 */
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <fcntl.h>
#include <unistd.h>

#include "keys/invite.h"
#include "keys/keys.h"
#include "tests/unit/test.h"

struct kat {
	const char *line;
	const char *type;
	unsigned bits;
	const char *hash; /* hex of BLAKE2b-256(blob, key = 00 01 .. 1f) */
	const char *id;
};

static const struct kat kats[] = {
	{ "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIM55/EwB/2LgA6bcl/D9gbp2eaIDoopw"
	  "MM4Tzgl0s6kw comment ed25519",
	    "ssh-ed25519", 256,
	    "84b0ca27fba28a5eb8df41a54f369c87e8e9810cfeb1e0b093ba39d14b08ebd9",
	    "qsymuj73" },
	{ "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYA"
	  "AABBBESzJM8oEeY6E62a3l0FetN9ZQhfkDxDFDS9zozSng9iFiRofVlrXW7JqBbVXu4d"
	  "ptJ7noPdX3HyiysZJSkI6Rk= comment ecdsab256",
	    "ecdsa-sha2-nistp256", 256,
	    "d11fec8b1d8fd2889505fa6945f0b6eb7eccb5a293450324387a015143e5e038",
	    "2ep6zcy5" },
	{ "ecdsa-sha2-nistp384 AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQA"
	  "AABhBNY4g9m9Vubj1poM9amQcHSJ1pXjXGSTO6SoOBgk/7rkN73yN/FbCtvmoXAZwI7F"
	  "2nfnhZvyDMa7Vs4fQoZF0+JvjbMSdbnj7qybfeOx5ZbP4FxCYoaiD3gY2OxE3afV/Q=="
	  " comment ecdsab384",
	    "ecdsa-sha2-nistp384", 384,
	    "2af9940c69b58dd862824505a7f8e871abf49ab4fb97199ceb5c4dd7e6d8b9df",
	    "fl4ziddj" },
	{ "ecdsa-sha2-nistp521 AAAAE2VjZHNhLXNoYTItbmlzdHA1MjEAAAAIbmlzdHA1MjEA"
	  "AACFBAAAzW2i5/zgLFHyGOI4ZVI9rl8U2/WCotj367+qPeEnvjcQ2yb/+Zjkw2/38B6O"
	  "02s4SwyiMlLUvxGYAIccvgWtZQEQijmqkI828TnHM0iVTs1B7luAqlhEjq0icRhHpjfc"
	  "Cc/NwrSGgn9/L6pM8z/4mP3QYSEql03JrznypHbCsGjLww== comment ecdsab521",
	    "ecdsa-sha2-nistp521", 528,
	    "4909a8ddfe76ac904b74fbbfa9483976828e1a0995603a59b92fe9cdb9d02ddf",
	    "jee2rxp6" },
	{ "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDA7HfKYqtr28T6pEWf3uP95YXGXS57"
	  "fK7SKVGi3FxbJOqsAVeD+ndA8yJSLgW4qQx3+r4k1Agide4iwUlf+CGTifW4CLUXjAUB"
	  "s7n3SawdV9slTXgV+jwZonrYAtWM7Wg/k6+hFZw9MfEgEcMtDHFvYAE7XjGmaRZUs2HG"
	  "qFdXtjI8xHuW1sdQPEOu8izxCBTEtYoMgLtpDN+YoGI+Fghsaj7+FJFGKhGJFCX5jbsK"
	  "ys6Q/N1LDHwZ/aDbhxhwPerHxP+B2y2J8FAkWMQXFYRq4YVjLCiziCMaWQIhP19WcI0T"
	  "mfstsKD/tGGgQySgjXsnyoWSTpjmJFn6lqse6lbV comment rsab2048",
	    "ssh-rsa", 2048,
	    "36cfff239b0a0cfc4da5c37f2d8d7d7ba286f504abfd21619a2aedb6b3b231eb",
	    "g3h76i43" },
	{ "sk-ssh-ed25519@openssh.com "
	  "AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29tAA"
	  "AAIAcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHAAAABHNzaDo= sk",
	    "sk-ssh-ed25519@openssh.com", 256,
	    "8d903ec02bf9d5489655baa4334ae4e44f57e935a5fe7d72e40bcf154248acf1",
	    "rwid5qbl" },
};

static const char rsa1024[] =
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC5t3sVPCt2+Yce6omQ5q2dEtcRIj7iKK7f"
    "eGsXExP/cKUWFKTZ/jhfs/8n64WikfhJiIfLIusJtPWlZiFIOmlxsZroeE/NlPGwgpWpsG1J"
    "hBq7gdZy/FXkKCWvRiKZLJkKGsKLGgHgtY0GeqOfcEIBBkkep6qZ+oaFqAicLlo6CQ== x";

static const char dsa[] =
    "ssh-dss AAAAB3NzaC1kc3MAAACBAL4yHpG8hqOJ+3eUg4XsgxWm2WmrjMszi/sIign1BDkQ"
    "C898yBfXfOb2JCMF9BjOkNW2xxBbyp8NSLIviTkUJ+mJsVnS5Iex7RLDRWqzA1O79rDabd+B"
    "1XtNuj16AaA5R4mQO+tuqknBhpgbTh63vgzkm8vRizlnU2RwSoqahlKVAAAAFQDmZcgszTGk"
    "RLNfXAslSg6MBrdPvwAAAIBEF/Bt3PG4bZCbTCfQANKdVYzKOj4rv1j9dLZKTyD+vKDtSi08"
    "/+wekc6GYQ9VkyNBwysypPS5ZdNmn6YFwxoUQe62sBt9EA5MBrbCNfQSAJ0ve9oGTI0SrTxZ"
    "hNQX7ikhe2Ikftrfk8ZavK50WOhKmN1ZVqBsmU3/7J49wHd4tgAAAIBnjk/yYWe7bXwMZifX"
    "kVQK1Uj4fpeimO9uASL5fnBtWZSyxp+HBxUji2YvC8nHCEci8Y3xWsfBOfeHLIDIOVSz0TCi"
    "NwK1J8a8Ui9nW6/9I1Epy6gKIiLlQVqe9epyl5U7xpsio/6zJdmD9cernG9xfq8vY8lNC+Jg"
    "GBC+Ue52Jg== dsa";

static void
hex(const uint8_t *b, size_t n, char *out)
{
	size_t i;

	for (i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", b[i]);
}

/* Writes the fixed secret 00 01 .. 1f, 0600, into dir/secret.key. */
static char *
kat_secret(const char *dir)
{
	uint8_t k[KEYS_SECRET_LEN];
	char *path;
	int fd, i;

	for (i = 0; i < KEYS_SECRET_LEN; i++)
		k[i] = (uint8_t)i;
	if (asprintf(&path, "%s/secret.key", dir) < 0)
		exit(2);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd == -1 || write(fd, k, sizeof k) != (ssize_t)sizeof k)
		exit(2);
	close(fd);
	return path;
}

static void
test_known_answers(void)
{
	struct keys_secret *s = NULL;
	struct keys_pubkey *k;
	uint8_t h[KEYS_HASH_LEN];
	char *dir = test_mkdtemp(), *path = kat_secret(dir), *cause = NULL;
	char hx[2 * KEYS_HASH_LEN + 1], id[KEYS_ID_LEN + 1];
	size_t i;

	TEST_START("keys: known-answer identity hashes and key ids");
	ASSERT_INT_EQ(keys_secret_load(AT_FDCWD, path, 1, &s, &cause), KEYS_OK);
	for (i = 0; s != NULL && i < sizeof kats / sizeof kats[0]; i++) {
		ASSERT_INT_EQ(
		    keys_pubkey_parse_line(kats[i].line, &k, &cause), KEYS_OK);
		if (k == NULL) {
			TEST_FAIL("%s: %s", kats[i].type, cause);
			free(cause);
			continue;
		}
		ASSERT_STR_EQ(k->type, kats[i].type);
		ASSERT_INT_EQ(k->bits, kats[i].bits);
		keys_identity(s, k, h);
		hex(h, sizeof h, hx);
		ASSERT_STR_EQ(hx, kats[i].hash);
		keys_id_format(h, id);
		ASSERT_STR_EQ(id, kats[i].id);
		keys_pubkey_free(k);
	}
	TEST_DONE();
	keys_secret_free(s);
	free(path);
	test_rmdir(dir);
}

/* A line that must be refused with r, and a cause mentioning want. */
static void
refuse(const char *line, int r, const char *want)
{
	struct keys_pubkey *k = NULL;
	char *cause = NULL;

	ASSERT_INT_EQ(keys_pubkey_parse_line(line, &k, &cause), r);
	ASSERT_NULL(k);
	ASSERT_NOT_NULL(cause);
	if (cause != NULL && strstr(cause, want) == NULL)
		TEST_FAIL("cause \"%s\" does not mention \"%s\"", cause, want);
	free(cause);
}

static void
test_refusals(void)
{
	TEST_START("keys: malformed and unsupported key lines are refused");
	refuse("", KEYS_ERR_FORMAT, "TYPE BASE64");
	refuse("ssh-ed25519", KEYS_ERR_FORMAT, "TYPE BASE64");
	refuse("ssh-ed25519 !!!notbase64", KEYS_ERR_FORMAT, "base64");
	refuse(rsa1024, KEYS_ERR_WEAK, "1024 bits");
	refuse(dsa, KEYS_ERR_TYPE, "unsupported");
	/* The blob says ed25519; the line claims ecdsa. */
	refuse("ecdsa-sha2-nistp256 AAAAC3NzaC1lZDI1NTE5AAAAIM55/EwB/2LgA6bcl/D"
	       "9gbp2eaIDoopwMM4Tzgl0s6kw",
	    KEYS_ERR_FORMAT, "not of type");
	/* A 31-byte ed25519 key. */
	refuse("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAHwAAAAAAAAAAAAAAAAAAAAAAAAA"
	       "AAAAAAAAAAAAAAAAAAAA=",
	    KEYS_ERR_FORMAT, "malformed");
	/* Trailing bytes after a valid ed25519 key. */
	refuse("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIM55/EwB/2LgA6bcl/D9gbp2eaI"
	       "DoopwMM4Tzgl0s6kwAA==",
	    KEYS_ERR_FORMAT, "trailing");
	refuse(
	    "ssh-ed25519-cert-v01@openssh.com AAAAIHNzaC1lZDI1NTE5LWNlcnQtdj"
	    "AxQG9wZW5zc2guY29tAAAAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	    "A",
	    KEYS_ERR_TYPE, "unsupported");
	refuse("command=\"x\" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIM55/EwB/2LgA"
	       "6bcl/D9gbp2eaIDoopwMM4Tzgl0s6kw",
	    KEYS_ERR_FORMAT, "OpenSSH public key line");
	TEST_DONE();
}

static void
test_secret_file(void)
{
	struct keys_secret *s = NULL;
	struct rlimit rl;
	struct stat sb;
	char *dir = test_mkdtemp(), *path, *cause = NULL;
	int fd, dfd;

	TEST_START("keys: secret.key is created 0600 and checked");
	if (asprintf(&path, "%s/secret.key", dir) < 0)
		exit(2);
	/* Not made where one must already exist: it would match nothing. */
	ASSERT_INT_EQ(
	    keys_secret_load(AT_FDCWD, path, 0, &s, &cause), KEYS_ERR_IO);
	ASSERT_TRUE(cause != NULL && strstr(cause, "missing") != NULL);
	free(cause);
	cause = NULL;
	ASSERT_INT_EQ(keys_secret_load(AT_FDCWD, path, 1, &s, &cause), KEYS_OK);
	/* ... by a process that can leave no core and cannot be traced */
	ASSERT_INT_EQ(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
	ASSERT_INT_EQ(getrlimit(RLIMIT_CORE, &rl), 0);
	ASSERT_INT_EQ(rl.rlim_cur, 0);
	ASSERT_INT_EQ(rl.rlim_max, 0);
	ASSERT_INT_EQ(stat(path, &sb), 0);
	ASSERT_INT_EQ(sb.st_mode & 0777, 0600);
	ASSERT_INT_EQ(sb.st_size, KEYS_SECRET_LEN);
	keys_secret_free(s);
	s = NULL;
	chmod(path, 0644);
	ASSERT_INT_EQ(
	    keys_secret_load(AT_FDCWD, path, 1, &s, &cause), KEYS_ERR_BAD_FILE);
	ASSERT_TRUE(cause != NULL && strstr(cause, "chmod 600") != NULL);
	free(cause);
	cause = NULL;
	chmod(path, 0600);
	fd = open(path, O_WRONLY | O_APPEND);
	ASSERT_INT_EQ(write(fd, "x", 1), 1);
	close(fd);
	ASSERT_INT_EQ(
	    keys_secret_load(AT_FDCWD, path, 1, &s, &cause), KEYS_ERR_BAD_FILE);
	free(cause);
	cause = NULL;
	TEST_DONE();

	TEST_START(
	    "keys: a secret is opened in its directory, never via a link");
	dfd = open(dir, O_RDONLY | O_DIRECTORY);
	ASSERT_INT_EQ(unlink(path), 0);
	ASSERT_INT_EQ(
	    keys_secret_load(dfd, "secret.key", 1, &s, &cause), KEYS_OK);
	keys_secret_free(s);
	s = NULL;
	ASSERT_INT_EQ(renameat(dfd, "secret.key", dfd, "real.key"), 0);
	ASSERT_INT_EQ(symlinkat("real.key", dfd, "secret.key"), 0);
	ASSERT_INT_EQ(keys_secret_load(dfd, "secret.key", 1, &s, &cause),
	    KEYS_ERR_BAD_FILE);
	ASSERT_STR_EQ(
	    cause, "secret.key is a symbolic link; refusing to follow it");
	free(cause);
	cause = NULL;
	/* A dangling link is no missing file: nothing is made through it. */
	ASSERT_INT_EQ(unlinkat(dfd, "real.key", 0), 0);
	ASSERT_INT_EQ(keys_secret_load(dfd, "secret.key", 1, &s, &cause),
	    KEYS_ERR_BAD_FILE);
	ASSERT_TRUE(faccessat(dfd, "real.key", F_OK, 0) != 0);
	free(cause);
	unlinkat(dfd, "secret.key", 0);
	close(dfd);
	TEST_DONE();
	free(path);
	test_rmdir(dir);
}

static void
test_signer(void)
{
	struct keys_signer *s = NULL, *s2 = NULL;
	uint8_t pk[KEYS_PUBLIC_LEN], sig[KEYS_SIG_LEN], h[KEYS_HASH_LEN];
	char *dir = test_mkdtemp(), *path, *cause = NULL, hx[65];

	TEST_START("keys: the log key signs, verifies, and survives a reload");
	if (asprintf(&path, "%s/modlog.key", dir) < 0)
		exit(2);
	ASSERT_INT_EQ(keys_signer_load(AT_FDCWD, path, 1, &s, &cause), KEYS_OK);
	keys_hash("abc", 3, h);
	hex(h, sizeof h, hx);
	/* BLAKE2b-256("abc"), RFC 7693 style vector. */
	ASSERT_STR_EQ(hx, "bddd813c634239723171ef3fee98579b94964e3bb1cb3e42"
	                  "7262c8c068d52319");
	keys_signer_sign(s, h, sizeof h, sig);
	keys_signer_public(s, pk);
	ASSERT_INT_EQ(keys_verify(pk, h, sizeof h, sig), KEYS_OK);
	h[0] ^= 1;
	ASSERT_INT_EQ(keys_verify(pk, h, sizeof h, sig), KEYS_ERR_SIGNATURE);
	h[0] ^= 1;
	ASSERT_INT_EQ(
	    keys_signer_load(AT_FDCWD, path, 1, &s2, &cause), KEYS_OK);
	if (s2 != NULL) {
		uint8_t pk2[KEYS_PUBLIC_LEN];

		keys_signer_public(s2, pk2);
		ASSERT_INT_EQ(memcmp(pk, pk2, sizeof pk), 0);
	}
	TEST_DONE();
	keys_signer_free(s);
	keys_signer_free(s2);
	free(path);
	test_rmdir(dir);
}

/* Invitation codes against answers computed with Python's hashlib. */
static void
test_invites(void)
{
	static const char *const bad[] = {
		"",
		"inv-aaaqe-ayeau-daoca-jbifq-ydio",   /* short */
		"inv-aaaqe-ayeau-daoca-jbifq-ydiobb", /* long */
		"inv_aaaqe-ayeau-daoca-jbifq-ydiob",  /* prefix */
		"vni-aaaqe-ayeau-daoca-jbifq-ydiob",
		"inv-aaaqeayeau-daoca-jbifq-ydiob-", /* dash moved */
		"inv-aaaqe-ayeau-daoca-jbifq-ydio1", /* 1 is no digit */
		"inv-aaaqe-ayeau-daoca-jbifq-ydio0",
		"inv-aaaqe-ayeau-daoca-jbifq-ydio8",
		"inv-aaaqe-ayeau-daoca-jbifq ydiob", /* a blank */
		" inv-aaaqe-ayeau-daoca-jbifq-ydio",
		"inv-aaaqe-ayeau-daoca-jbifq-ydio\n",
		"inv-aaaqe-ayeau-daoca-jbifq-ydi\xc3\xa9",
		"inv-aaaqe-ayeau-daoca-jbifq--ydio",
		NULL,
	};
	struct keys_invite c, d, e;
	struct keys_secret *s = NULL;
	uint8_t h[KEYS_HASH_LEN], sub[KEYS_SECRET_LEN];
	char *dir = test_mkdtemp(), *path = kat_secret(dir), *cause = NULL;
	char hx[2 * KEYS_HASH_LEN + 1], text[KEYS_INVITE_TEXT_LEN + 1];
	const char *const *b;
	int i, same = 0;

	TEST_START("keys: an invitation code prints and hashes as known");
	ASSERT_INT_EQ(keys_secret_load(AT_FDCWD, path, 0, &s, &cause), KEYS_OK);
	for (i = 0; i < KEYS_INVITE_BYTES; i++)
		c.bytes[i] = (uint8_t)i;
	c.bytes[KEYS_INVITE_BYTES - 1] &= 0xf8;
	keys_invite_format(&c, text);
	ASSERT_STR_EQ(text, "inv-aaaqe-ayeau-daoca-jbifq-ydiob");
	if (s != NULL) {
		keys_secret_subkey(
		    s, KEYS_INVITE_SUBKEY, KEYS_INVITE_CONTEXT, sub);
		hex(sub, sizeof sub, hx);
		ASSERT_STR_EQ(hx, "651e6dba2f1bdae147adc20ea2c8f542"
		                  "a95452522e1c5f94294ebc626a4908cf");
		keys_invite_hash(s, &c, h);
		hex(h, sizeof h, hx);
		ASSERT_STR_EQ(hx, "d10481d5268cde064a23780de38504ec"
		                  "35993cc664f7de7e67b021857c82f67d");
	}
	memset(c.bytes, 0xff, sizeof c.bytes);
	c.bytes[KEYS_INVITE_BYTES - 1] = 0xf8;
	keys_invite_format(&c, text);
	ASSERT_STR_EQ(text, "inv-77777-77777-77777-77777-77777");
	if (s != NULL) {
		keys_invite_hash(s, &c, h);
		hex(h, sizeof h, hx);
		ASSERT_STR_EQ(hx, "ad1a8811984e0209d427ef4b7cc4f100"
		                  "4451f873fca97898af3bd52b80aa7676");
	}
	TEST_DONE();

	TEST_START("keys: the parser takes the printed shape, any case");
	ASSERT_INT_EQ(
	    keys_invite_parse("inv-aaaqe-ayeau-daoca-jbifq-ydiob", &d),
	    KEYS_OK);
	for (i = 0; i < KEYS_INVITE_BYTES; i++)
		c.bytes[i] = (uint8_t)i;
	c.bytes[KEYS_INVITE_BYTES - 1] &= 0xf8;
	ASSERT_INT_EQ(memcmp(c.bytes, d.bytes, sizeof c.bytes), 0);
	ASSERT_INT_EQ(
	    keys_invite_parse("INV-AAAQE-AYEAU-DAOCA-JBIFQ-YDIOB", &e),
	    KEYS_OK);
	ASSERT_INT_EQ(memcmp(d.bytes, e.bytes, sizeof d.bytes), 0);
	for (b = bad; *b != NULL; b++) {
		if (keys_invite_parse(*b, &e) != KEYS_ERR_FORMAT)
			TEST_FAIL("accepted \"%s\"", *b);
	}
	TEST_DONE();

	TEST_START("keys: new codes differ and read back as printed");
	for (i = 0; i < 100; i++) {
		keys_invite_new(&c);
		keys_invite_format(&c, text);
		ASSERT_INT_EQ(strncmp(text, "inv-", 4), 0);
		ASSERT_INT_EQ(strlen(text), KEYS_INVITE_TEXT_LEN);
		ASSERT_INT_EQ(keys_invite_parse(text, &d), KEYS_OK);
		ASSERT_INT_EQ(memcmp(c.bytes, d.bytes, sizeof c.bytes), 0);
		if (i > 0 && memcmp(c.bytes, e.bytes, sizeof c.bytes) == 0)
			same++;
		e = c;
	}
	ASSERT_INT_EQ(same, 0);
	TEST_DONE();
	keys_secret_free(s);
	free(path);
	test_rmdir(dir);
}

int
main(void)
{
	if (keys_init() != 0)
		return 2;
	test_known_answers();
	test_refusals();
	test_invites();
	test_secret_file();
	test_signer();
	return test_exit();
}
