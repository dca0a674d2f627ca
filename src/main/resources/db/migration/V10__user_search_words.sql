-- A search term matches the start of any word of a user's username, display name or email. Each
-- word start is a row (the text from there to the end of the field, folded), so a search is one
-- range scan of the primary key; the second index finds a user's words, and checks one user
-- quickly when the users are read in another order. Rows for existing users are written by the
-- application at start (SearchIndex), which folds accents the same way the search does.
CREATE TABLE user_search_word (
    word VARCHAR(120) NOT NULL,
    user_id BIGINT NOT NULL,
    CONSTRAINT pk_user_search_word PRIMARY KEY (word, user_id),
    CONSTRAINT fk_user_search_word_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;   -- words are folded already: compared byte for byte
CREATE INDEX ix_user_search_word_user ON user_search_word (user_id, word);
