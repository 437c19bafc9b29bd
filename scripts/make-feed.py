#!/usr/bin/python3
"""Builds an RSS 2.0 feed of N items from the corpus's article bodies, for the feed reader's benchmark.

Usage: make-feed.py OUT N [CORPUS]

CORPUS is the shared corpus folder (default $CONVERTIFY_CORPUS, else ../shared/corpus); its
duty-machine-news/articles/<site>/<id>.md are taken in path order and repeated until there are N items. Item k
carries article k's title, link, feed time (as an RFC 822 pubDate) and body HTML (in CDATA), and the guid
"articles/<site>/<id>.md#<k>", which FeedBenchmarks reads back to frame the same bodies as archive articles.
Characters XML 1.0 cannot hold are dropped. Same corpus and N, same bytes. Never commit the output: it is
corpus text.
"""
import email.utils
import os
import re
import sys
from xml.sax.saxutils import escape

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
LINK = re.compile(r"^\[(.*)\]\((.*)\)$", re.S)


def frame(text):
    """(feed ms, title, url, body) of an archive article, or None when its frame is not the usual one."""
    lines = text.split("\n")
    stamp = re.match(r"^\s*<!--\s*(\d+)\s*-->\s*$", lines[0])
    if not stamp or "------" not in lines:
        return None
    rule = lines.index("------")
    match = LINK.match("".join(lines[1:rule]).strip())
    if not match:
        return None
    body = "\n".join(lines[rule + 1:]).strip("\n")
    return int(stamp.group(1)), match.group(1), match.group(2), body


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out, count = sys.argv[1], int(sys.argv[2])
    corpus = sys.argv[3] if len(sys.argv) > 3 else os.environ.get("CONVERTIFY_CORPUS") or os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus")
    archive = os.path.join(corpus, "duty-machine-news")
    if not os.path.isdir(os.path.join(archive, "articles")):
        archive = corpus
    articles = []
    root = os.path.join(archive, "articles")
    for folder, _, names in sorted(os.walk(root)):
        for name in sorted(names):
            if not name.endswith(".md"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8", errors="replace") as f:
                parsed = frame(NOT_XML.sub("", f.read()))
            if parsed:
                articles.append((os.path.relpath(path, archive).replace(os.sep, "/"), parsed))
    if not articles:
        sys.exit("make-feed: no articles under " + root)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n')
        f.write("<title>Convertify benchmark feed</title>\n<link>https://feeds.example.org/bench/</link>\n")
        f.write("<description>Corpus bodies repeated for the feed benchmark</description>\n")
        for k in range(count):
            rel, (ms, title, url, body) = articles[k % len(articles)]
            date = email.utils.formatdate(ms / 1000, usegmt=True)
            f.write("<item><title>%s</title><link>%s</link><guid isPermaLink=\"false\">%s#%d</guid><pubDate>%s</pubDate>"
                    "<description><![CDATA[%s]]></description></item>\n"
                    % (escape(title), escape(url), escape(rel), k, date, body.replace("]]>", "]]]]><![CDATA[>")))
        f.write("</channel>\n</rss>\n")


if __name__ == "__main__":
    main()
