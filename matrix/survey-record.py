"""Merges a realm-ci summary.json into matrix/SURVEY.md's results table.

A row is one configuration on one Realm release: the key is (Id, the tag `git describe` names in
the Realm commit cell), so the survey of the July Realm (legion-25.06.0-…) and of the November one
(v25.11.0-…) stand side by side, and the newest run of an Id on the same release replaces the older.
"""
import datetime, json, os, re, sys

summary_path, doc_path, commit = sys.argv[1:4]
if not os.path.exists(summary_path):
    sys.exit(0)
with open(summary_path) as f:
    summary = json.load(f)

HEADER = "| Id | Realm commit | Status | Passed | Failed | Skipped | Quarantined | Wall time | Date | First failure / reason |"
RULE = "|---|---|---|---|---|---|---|---|---|---|"
BEGIN, END = "<!-- survey:begin -->", "<!-- survey:end -->"

text = open(doc_path).read() if os.path.exists(doc_path) else f"# Matrix survey\n\n{BEGIN}\n{END}\n"
if BEGIN not in text:
    text += f"\n{BEGIN}\n{END}\n"
head, rest = text.split(BEGIN, 1)
body, tail = rest.split(END, 1)

def release(commit_cell):
    """The tag part of a `git describe --long` string ('v25.11.0-0-g8ce6b7210 (…)' → 'v25.11.0')."""
    first = commit_cell.strip().split(" ", 1)[0] if commit_cell.strip() else ""
    m = re.match(r"^(.+)-\d+-g[0-9a-f]+$", first)
    return m.group(1) if m else first


rows = {}
for line in body.strip().splitlines():
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) >= 10 and cells[0] not in ("Id", "---") and not set(cells[0]) <= set("-"):
        rows[(cells[0].strip("`"), release(cells[1]))] = line

today = datetime.date.today().isoformat()
for r in summary.get("results", []):
    tests = r.get("tests", {})
    status = r.get("status", "?")
    if status in ("not-run", "notrun", "cancelled"):
        continue  # not an outcome of the configuration: it keeps its earlier row, if any
    minutes, seconds = divmod(int(round(r.get("seconds", 0))), 60)
    reason = r.get("firstFailure") or r.get("reason") or ""
    if not reason:  # a passed row still says what it did not prove
        said = {"needsGpu": "need a GPU (not run)", "labelFilter": "left out by the label filter", "noResult": "without a result",
                "quarantined": "quarantined, not run (left out by GTEST_FILTER)"}
        notes = [f"{n} {said.get(why, why)}" for why, n in sorted(tests.get("notRun", {}).items()) if why != "disabled"]
        notes += [f"quarantined but passed: {q['name']}" for q in tests.get("quarantinedButPassed", [])]
        reason = "; ".join(notes)
    reason = re.sub(r"\s+", " ", reason).replace("|", "\\|")[:160]
    rows[(r["id"], release(commit))] = (f"| `{r['id']}` | {commit} | {status} | {tests.get('passed', 0)} | {tests.get('failed', 0)} | "
                     f"{tests.get('skipped', 0)} | {tests.get('quarantined', 0)} | {minutes}m{seconds:02d}s | {today} | {reason} |")

table = "\n".join([HEADER, RULE] + [rows[k] for k in sorted(rows)])
tmp = doc_path + ".tmp"
with open(tmp, "w") as f:
    f.write(f"{head}{BEGIN}\n{table}\n{END}{tail}")
os.replace(tmp, doc_path)
