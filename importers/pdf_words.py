def word_tables(page):
    return []
