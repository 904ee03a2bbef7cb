#!/usr/bin/env python3
"""Prints the medians of scripts/perf/measure.sh's probe results as a Markdown table."""
import json
import os
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/perf"


def load(name):
    path = os.path.join(out, name + ".json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f).get("summary")


def ms(v):
    return "—" if v is None else ("%.1f ms" % v if v < 1000 else "%.2f s" % (v / 1000))


def mib(kib):
    return "—" if kib is None else "%.1f MB" % (kib / 1024)


def step(summary, prefix, nth=0):
    """A step's latency: until its expected text shows, or for a step with no expectation
    (a page down), until its frame starts arriving: the reader writes nothing else in reply to
    a key, while the settle-based frame time would also take in a progress redraw that happens
    to follow within the quiet window."""
    if not summary:
        return None
    hits = [s for s in summary["steps"] if s["step"].startswith(prefix)]
    if len(hits) <= nth:
        return None
    s = hits[nth]
    return s["latency_ms"] if "=>" in s["step"] else s["first_byte_ms"]


rows = []
sd, sl = load("small-dramatis"), load("small-less")
rows.append(("first screen, 3 KB", ms(sd and sd["startup_wait_for_ms"]),
             ms(sl and sl["startup_wait_for_ms"])))
bd, bl = load("big-dramatis"), load("big-less")
rows.append(("first screen, 100 MB", ms(bd and bd["startup_wait_for_ms"]),
             ms(bl and bl["startup_wait_for_ms"])))
for label, prefix, nth in [("G (end), 100 MB", "G", 0), ("g (top), 100 MB", "g", 0),
                           ("page down, 100 MB", "<PgDn>", 0),
                           ("page down again, 100 MB", "<PgDn>", 1)]:
    rows.append((label, ms(step(bd, prefix, nth)), ms(step(bl, prefix, nth))))
ba = load("big-dramatis-alone")
rows.append(("reader alone (no extraction): first screen / G / g / page",
             " / ".join(ms(v) for v in [ba and ba["startup_wait_for_ms"], step(ba, "G"),
                                        step(ba, "g"), step(ba, "<PgDn>")]), "—"))
cd = load("cast-dramatis")
rows.append(("n next mention (near)", ms(step(cd, "n")), "—"))
rows.append(("N previous mention", ms(step(cd, "N", 0)), "—"))
rows.append(("N wrapping to the last mention (far)", ms(step(cd, "N", 1)), "—"))
rows.append(("G / g after extraction", "%s / %s" % (ms(step(cd, "G")), ms(step(cd, "g", 0))), "—"))
if cd and cd.get("startup_wait_for_ms"):
    t = cd["startup_wait_for_ms"] / 1000
    rows.append(("extraction, 100 MB, until the sidebar shows the cast",
                 "%.2f s (%.0f MB/s)" % (t, 100.0 / t), "—"))
rows.append(("peak RSS, 100 MB, reading (G, g, pages)", mib(bd and bd["peak_rss_kib"]),
             mib(bl and bl["peak_rss_kib"])))
rows.append(("peak RSS, 100 MB, reader alone (G, g, pages)", mib(ba and ba["peak_rss_kib"]), "—"))
rows.append(("peak RSS, 100 MB, extraction done", mib(cd and cd["peak_rss_kib"]), "—"))
sr, sdr = load("search-less"), load("search-dramatis")
rows.append(("search to the 99 % sentinel", ms(step(sdr, "/")), ms(step(sr, "/"))))

print("| measure (median of runs) | dramatis | less |")
print("|---|---|---|")
for r in rows:
    print("| %s | %s | %s |" % r)
