-- Seeds benchmark data: users bench000000.. with realistic names, 3,000 classes and three
-- memberships per user. Portable SQL: runs on H2 (MODE=MySQL) and MySQL/MariaDB alike.
-- Variables substituted by scripts/bench: @FROM@ (first user number), @TO@ (one past the last).
CREATE TABLE IF NOT EXISTS bench_digit (n INT NOT NULL PRIMARY KEY);
DELETE FROM bench_digit;
INSERT INTO bench_digit (n) VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9);

INSERT INTO app_user (username, display_name, email, password_hash, role, enabled, must_change_password, created_at, updated_at, version)
SELECT CONCAT('bench', LPAD(CONCAT('', x.n), 6, '0')),
       CONCAT(CASE MOD(x.n, 10) WHEN 0 THEN 'Ada' WHEN 1 THEN 'Alan' WHEN 2 THEN 'Grace' WHEN 3 THEN 'Zoë' WHEN 4 THEN 'Linus'
                                WHEN 5 THEN 'Margaret' WHEN 6 THEN 'Dennis' WHEN 7 THEN 'Barbara' WHEN 8 THEN 'Ken' ELSE 'Radia' END,
              ' ',
              CASE MOD(FLOOR(x.n / 10), 10) WHEN 0 THEN 'Lovelace' WHEN 1 THEN 'Turing' WHEN 2 THEN 'Hopper' WHEN 3 THEN 'Ñúñez'
                                            WHEN 4 THEN 'Torvalds' WHEN 5 THEN 'Hamilton' WHEN 6 THEN 'Ritchie' WHEN 7 THEN 'Liskov'
                                            WHEN 8 THEN 'Thompson' ELSE 'Perlman' END,
              ' ', CONCAT('', x.n)),
       CONCAT('bench', CONCAT('', x.n), '@example.org'),
       NULL,
       CASE WHEN MOD(x.n, 50) = 0 THEN 'teacher' ELSE 'student' END,
       TRUE, FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0
FROM (SELECT a.n + 10 * b.n + 100 * c.n + 1000 * d.n + 10000 * e.n + 100000 * f.n AS n
      FROM bench_digit a, bench_digit b, bench_digit c, bench_digit d, bench_digit e, bench_digit f) x
WHERE x.n >= @FROM@ AND x.n < @TO@;

INSERT INTO app_group (code, name, term, class_period, description, created_at, updated_at, version)
SELECT CONCAT('B', LPAD(CONCAT('', x.n), 4, '0')), CONCAT('Bench class ', x.n), '2025-26', NULL, NULL,
       CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0
FROM (SELECT a.n + 10 * b.n + 100 * c.n + 1000 * d.n AS n FROM bench_digit a, bench_digit b, bench_digit c, bench_digit d) x
WHERE x.n < 3000 AND NOT EXISTS (SELECT 1 FROM app_group g WHERE g.code = CONCAT('B', LPAD(CONCAT('', x.n), 4, '0')));

-- user n is in classes n mod 1000, 1000 + (n mod 1000) and 2000 + (n mod 1000): 300 members each at 100k users
INSERT INTO membership (group_id, user_id, role, created_at)
SELECT g.id, u.id, 'student', CURRENT_TIMESTAMP
FROM (SELECT a.n + 10 * b.n + 100 * c.n + 1000 * d.n + 10000 * e.n + 100000 * f.n AS n
      FROM bench_digit a, bench_digit b, bench_digit c, bench_digit d, bench_digit e, bench_digit f) x
JOIN bench_digit k ON k.n < 3
JOIN app_user u ON u.username = CONCAT('bench', LPAD(CONCAT('', x.n), 6, '0'))
JOIN app_group g ON g.code = CONCAT('B', LPAD(CONCAT('', k.n * 1000 + MOD(x.n, 1000)), 4, '0'))
WHERE x.n >= @FROM@ AND x.n < @TO@;

-- Their search words (what the application's SearchWords makes of username, name and email, folded:
-- the seeded names hold no other accents than these): username; name from each word on; email, domain, tld.
CREATE TABLE bench_word (user_id BIGINT NOT NULL, name VARCHAR(200) NOT NULL, email VARCHAR(254) NOT NULL, username VARCHAR(64) NOT NULL);
INSERT INTO bench_word (user_id, name, email, username)
SELECT u.id, REPLACE(REPLACE(REPLACE(LOWER(u.display_name), 'ë', 'e'), 'ñ', 'n'), 'ú', 'u'), LOWER(u.email), u.username
FROM app_user u
WHERE u.username >= CONCAT('bench', LPAD(CONCAT('', @FROM@), 6, '0')) AND u.username < CONCAT('bench', LPAD(CONCAT('', @TO@), 6, '0'));
INSERT INTO user_search_word (word, user_id)
SELECT username, user_id FROM bench_word
UNION ALL SELECT name, user_id FROM bench_word
UNION ALL SELECT SUBSTRING(name, LOCATE(' ', name) + 1), user_id FROM bench_word
UNION ALL SELECT SUBSTRING(name, LOCATE(' ', name, LOCATE(' ', name) + 1) + 1), user_id FROM bench_word
UNION ALL SELECT email, user_id FROM bench_word
UNION ALL SELECT SUBSTRING(email, LOCATE('@', email) + 1), user_id FROM bench_word
UNION ALL SELECT SUBSTRING(email, LOCATE('.', email, LOCATE('@', email)) + 1), user_id FROM bench_word;
DROP TABLE bench_word;

DROP TABLE bench_digit;
