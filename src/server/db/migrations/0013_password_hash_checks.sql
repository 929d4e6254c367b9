CREATE TABLE "password_hash_checks" (
	"hash_digest" text PRIMARY KEY NOT NULL,
	"checked_at" timestamp with time zone NOT NULL
);
