#!/usr/bin/python3
"""Builds a scaled archive: N article files made by repeating the corpus's articles under fresh ids.

Usage: scale-corpus.py CORPUS_ARCHIVE_DIR OUT_DIR COUNT

Copy k of articles/<site>/<id>.md becomes articles/<site>/<fresh id>.md with the same bytes; ids are
assigned 1, 2, 3, ... over the whole archive in a fixed order, so the same COUNT always gives the same
archive. The index pages under lists/ are copied once.
"""
import os
import shutil
import sys


def main() -> None:
    source, target, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    articles = []
    for site in sorted(os.listdir(os.path.join(source, "articles"))):
        folder = os.path.join(source, "articles", site)
        for name in sorted(os.listdir(folder)):
            if name.endswith(".md"):
                with open(os.path.join(folder, name), "rb") as f:
                    articles.append((site, f.read()))
    if not articles:
        sys.exit("no articles under " + source)
    made = set()
    for n in range(count):
        site, data = articles[n % len(articles)]
        folder = os.path.join(target, "articles", site)
        if site not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(site)
        with open(os.path.join(folder, f"{n + 1}.md"), "wb") as f:
            f.write(data)
    lists = os.path.join(source, "lists")
    if os.path.isdir(lists):
        shutil.copytree(lists, os.path.join(target, "lists"), dirs_exist_ok=True)


if __name__ == "__main__":
    main()
