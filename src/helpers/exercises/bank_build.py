"""Building a bank's exercises: every id an exercise names is checked against the tables, then the YAML
becomes the model's objects (:mod:`.model`, :mod:`.written`), generated exercises built from the tables.
"""

from __future__ import annotations

from ..errors import DataError, Problem
from . import generate, generate_matching
from .generate import Tables
from .model import Choice, Exercise, ExplorerSpec, Option
from .numeric import NearMiss, Numeric
from .written import Alternative, Claim, GuidingQuestion, Level, Source, SourceAnalysis

#: Fields of the YAML that are not passed on to the model as they are.
_COMMON = (
    "id",
    "lesson",
    "title",
    "skill",
    "difficulty",
    "source_ids",
    "prompt",
    "hint",
    "explanation",
    "teacher_notes",
    "demand",
    "max_attempts",
    "app",
)


# --- references to the tables ---------------------------------------------------------------------


def check_refs(raw: dict, tables: Tables) -> None:
    problems = []

    def need(ids, index, what, table, column):
        for i in ids:
            if i not in index:
                problems.append(Problem("", None, column, f"{what} {i!r} does not exist in {table}"))
            elif (table[: -len(".csv")], str(i)) in tables.uncertain:
                why = tables.uncertain[(table[: -len(".csv")], str(i))]
                problems.append(
                    Problem(
                        "",
                        None,
                        column,
                        f"{what} {i!r} is marked uncertain in uncertain_rows.csv ({why}): an exercise cannot use it",
                    )
                )

    need(raw.get("source_ids", ()), tables.references.index, "source", "references.csv", "source_ids")
    if not raw.get("source_ids") and not (raw["type"] == "explorer" or "generate" in raw):
        problems.append(Problem("", None, "source_ids", "needs source_ids: at least one ref_id from references.csv"))
    refs = raw.get("refs", {})
    need(refs.get("events", ()), tables.events.index, "event", "events.csv", "refs")
    need(refs.get("people", ()), tables.people.index, "person", "people.csv", "refs")
    need(refs.get("quotations", ()), tables.quotations.index, "quotation", "quotations.csv", "refs")
    need(refs.get("documents", ()), tables.documents.index, "document", "documents.csv", "refs")
    need(refs.get("posts", ()), tables.posts.index, "post", "posts.csv", "refs")
    need(refs.get("organisations", ()), tables.organisations.index, "organisation", "organisations.csv", "refs")
    kind = raw["type"]
    if kind == "choice":
        option_ids = [o["id"] for o in raw["options"]]
        if len(set(option_ids)) != len(option_ids):
            problems.append(Problem("", None, "options", "two options have the same id"))
        answers = [raw["answer"]] if isinstance(raw["answer"], str) else raw["answer"]
        for a in answers:
            if a not in option_ids:
                problems.append(
                    Problem("", None, "answer", f"answer {a!r} is not among the options ({', '.join(option_ids)})")
                )
        if not raw.get("multiple") and len(answers) != 1:
            problems.append(
                Problem("", None, "answer", "a single-answer question needs exactly one answer (or set multiple: true)")
            )
        for o in raw["options"]:
            if not o["feedback"].strip():
                problems.append(Problem("", None, "options", f"option {o['id']!r} has no feedback"))
    elif kind == "chronology":
        need(raw.get("events", ()), tables.events.index, "event", "events.csv", "events")
        if "generate" in raw and raw["generate"].get("theme") is not None:
            themes = list(tables.events["theme"].cat.categories)
            if raw["generate"]["theme"] not in themes:
                problems.append(
                    Problem(
                        "", None, "generate", f"theme {raw['generate']['theme']!r} is not one of {', '.join(themes)}"
                    )
                )
    elif kind == "matching":
        need(raw.get("quotations", ()), tables.quotations.index, "quotation", "quotations.csv", "quotations")
        need(raw.get("documents", ()), tables.documents.index, "document", "documents.csv", "documents")
        need(raw.get("posts", ()), tables.posts.index, "post", "posts.csv", "posts")
        if raw["match"] == "quotation-speaker":
            need(raw.get("distractors", ()), tables.people.index, "person", "people.csv", "distractors")
        elif raw["match"] == "person-office":
            need(raw.get("distractors", ()), tables.posts.index, "post", "posts.csv", "distractors")
        else:
            if raw.get("distractors"):
                problems.append(Problem("", None, "distractors", "document-date matching takes no distractors"))
    elif kind == "numeric":
        for miss in raw.get("near_misses", ()):
            if abs(miss["value"] - raw["answer"]) <= raw.get("tolerance", 0):
                problems.append(
                    Problem("", None, "near_misses", f"near miss {miss['value']} is within the tolerance of the answer")
                )
    elif kind == "source_analysis":
        src = raw["source"]
        need(
            [src["quotation"]] if "quotation" in src else [],
            tables.quotations.index,
            "quotation",
            "quotations.csv",
            "source",
        )
        need(
            [src["document"]] if "document" in src else [],
            tables.documents.index,
            "document",
            "documents.csv",
            "source",
        )
        q_ids = [q["id"] for q in raw["questions"]]
        if len(set(q_ids)) != len(q_ids):
            problems.append(Problem("", None, "questions", "two guiding questions have the same id"))
    elif kind == "claim":
        problems.extend(_claim_problems(raw, tables))
    elif kind == "explorer":
        need(raw.get("people", ()), tables.people.index, "person", "people.csv", "people")
        themes = set(tables.events["theme"].cat.categories)
        for t in raw.get("themes", ()):
            if t not in themes:
                problems.append(Problem("", None, "themes", f"theme {t!r} is not one of {', '.join(sorted(themes))}"))
        if raw.get("start") and raw.get("end") and raw["end"] < raw["start"]:
            problems.append(Problem("", None, "end", "the explorer ends before it starts"))
    if problems:
        raise DataError(problems)


def _claim_problems(raw: dict, tables: Tables) -> list[Problem]:
    """What is wrong with a claim exercise beyond its schema: its set, its word range, its levels."""
    problems = []
    sets = tables.document_sets
    members = sets[sets["set_id"] == raw["document_set"]]
    if members.empty:
        problems.append(Problem("", None, "document_set", f"set {raw['document_set']!r} is not in document_sets.csv"))
    elif raw.get("min_documents", 2) > len(members):
        problems.append(
            Problem(
                "",
                None,
                "min_documents",
                f"asks for {raw.get('min_documents', 2)} documents; the set has {len(members)}",
            )
        )
    if raw.get("min_words", 150) > raw.get("max_words", 250):
        problems.append(Problem("", None, "max_words", "max_words is below min_words"))
    levels = [lv["level"] for lv in raw["mark_scheme"]]
    if levels != list(range(1, len(levels) + 1)):
        problems.append(Problem("", None, "mark_scheme", f"levels must be 1, 2, 3 ... lowest first, not {levels}"))
    marked = [lv for lv in raw["mark_scheme"] if "marks" in lv]
    if raw.get("marks") is not None and len(marked) != len(levels):
        problems.append(Problem("", None, "mark_scheme", "a question with marks needs marks on every level"))
    top = 0
    for lv in marked:
        low, high = lv["marks"]
        if low > high or low < top:
            problems.append(Problem("", None, "mark_scheme", f"level {lv['level']}: marks {low}–{high} out of order"))
        top = high + 1
    if marked and raw.get("marks") is not None and marked[-1]["marks"][1] != raw["marks"]:
        problems.append(
            Problem("", None, "marks", f"the top level ends at {marked[-1]['marks'][1]}, not {raw['marks']}")
        )
    return problems


# --- building model objects -----------------------------------------------------------------------


def _common(raw: dict) -> dict:
    out = {k: raw[k] for k in _COMMON if k in raw}
    out["source_ids"] = tuple(raw.get("source_ids", ()))
    return out


def build(raw: dict, tables: Tables) -> Exercise:
    kind = raw["type"]
    common = _common(raw)
    if kind == "choice":
        answer = (raw["answer"],) if isinstance(raw["answer"], str) else tuple(raw["answer"])
        options = tuple(Option(o["id"], o["text"].strip(), o["feedback"].strip()) for o in raw["options"])
        return Choice(options=options, answer=answer, multiple=bool(raw.get("multiple", False)), **common)
    if kind == "chronology":
        if "events" in raw:
            return generate.chronology_from_events(raw["events"], tables=tables, **common)
        spec = raw["generate"]
        ex_id, lesson = common.pop("id"), common.pop("lesson")
        return generate.chronology(
            theme=spec.get("theme"),
            lesson=spec.get("from_lesson"),
            n=spec["n"],
            seed=spec["seed"],
            id=ex_id,
            for_lesson=lesson,
            tables=tables,
            **common,
        )
    if kind == "matching":
        match = raw["match"]
        if match == "quotation-speaker":
            return generate_matching.matching_quotations(
                raw["quotations"], distractors=raw.get("distractors", ()), tables=tables, **common
            )
        if match == "person-office":
            return generate_matching.matching_offices(
                raw["posts"], raw["date"], distractors=raw.get("distractors", ()), tables=tables, **common
            )
        return generate_matching.matching_documents(raw["documents"], tables=tables, **common)
    if kind == "numeric":
        extra = {k: raw[k].strip() for k in ("feedback_low", "feedback_high") if k in raw}
        return Numeric(
            answer=float(raw["answer"]),
            tolerance=float(raw.get("tolerance", 0)),
            unit=raw["unit"],
            near_misses=tuple(NearMiss(float(m["value"]), m["feedback"].strip()) for m in raw.get("near_misses", ())),
            **extra,
            **common,
        )
    if kind == "source_analysis":
        questions = tuple(
            GuidingQuestion(q["id"], q["tag"], q["text"].strip(), q["model_answer"].strip()) for q in raw["questions"]
        )
        return SourceAnalysis(
            source=_source(raw["source"], tables),
            questions=questions,
            checklist=tuple(c.strip() for c in raw["checklist"]),
            **common,
        )
    if kind == "claim":
        return _claim(raw, tables, common)
    if kind == "explorer":
        return ExplorerSpec(
            start=raw.get("start", "1917-01-01"),
            end=raw.get("end", "1932-12-31"),
            themes=tuple(raw.get("themes", ())),
            people=tuple(raw.get("people", ())),
            lessons=tuple(raw.get("lessons", ())),
            **common,
        )
    raise DataError(f"unknown exercise type {kind!r}")  # pragma: no cover - the schema stops it first


def _claim(raw: dict, tables: Tables, common: dict) -> Claim:
    """A claim exercise, with its set's documents named as a student should cite them."""
    sets = tables.document_sets
    members = sets[sets["set_id"] == raw["document_set"]].sort_values("position")
    documents = []
    for n, extract_id in enumerate(members["extract_id"], 1):
        row = tables.extracts.loc[extract_id] if extract_id in tables.extracts.index else None
        title = str(row["title"]) if row is not None else extract_id
        documents.append((str(extract_id), f"Document {n}: {title}"))
    return Claim(
        document_set=raw["document_set"],
        documents=tuple(documents),
        min_words=int(raw.get("min_words", 150)),
        max_words=int(raw.get("max_words", 250)),
        min_documents=int(raw.get("min_documents", 2)),
        mark_scheme=tuple(
            Level(
                int(lv["level"]),
                lv["label"].strip(),
                lv["descriptor"].strip(),
                tuple(lv["marks"]) if "marks" in lv else None,
            )
            for lv in raw["mark_scheme"]
        ),
        alternatives=tuple(Alternative(a["id"], a["text"].strip()) for a in raw.get("alternatives", ())),
        marks=raw.get("marks"),
        **common,
    )


def _source(spec: dict, tables: Tables) -> Source:
    """A quotation or a document as a source, with its provenance headnote from the tables."""
    if "quotation" in spec:
        row = tables.quotations.loc[spec["quotation"]]
        speaker = tables.person_name(str(row["speaker_id"]))
        return Source(
            "quotation",
            str(row["quote_id"]),
            str(row["text"]),
            str(row["setting"]),
            str(row["citation"]),
            speaker,
            generate.date_label(row["date"], generate.precision_of(row)),
        )
    row = tables.documents.loc[spec["document"]]
    author = tables.person_name(str(row["author_id"])) if isinstance(row["author_id"], str) else ""
    headnote = " · ".join(
        x
        for x in (
            str(row["title"]),
            str(row["doc_type"]).replace("_", " "),
            author and f"by {author}",
            str(row["reference"]) if isinstance(row["reference"], str) else "",
        )
        if x
    )
    refs = tables.references
    citation = "; ".join(str(refs.at[r, "citation"]) for r in row["source_ids"] if r in refs.index)
    return Source(
        "document",
        str(row["doc_id"]),
        str(row["summary"]),
        headnote,
        citation,
        author,
        generate.date_label(row["date"], str(row["date_precision"])),
    )
