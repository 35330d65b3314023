"""Event status: reported, claimed, denied or forecast, read from the syntax around a trigger.

FactBank's factuality cues (Saurí & Pustejovsky 2009) and PLOVER's context field, narrowed to
war reporting; docs/events.md gives the order of precedence. Used by sitrep_events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...models import EventStatus
from ..base import items_of
from .lexicon import (
    CLAIM,
    CONDITION_MARKS,
    DENY,
    EXPECT,
    HEDGES,
    LEX,
    MODALS,
    NEGATIONS,
    SPEECH,
    TRIGGERS,
    doc_text,
    side_of_text,
    subject_of,
)

#: Labels of stated objectives ("Russian objective: …").
INTENTION_NOUNS = LEX.words("events/intention_nouns")
OBJECTIVE_LABEL = re.compile(
    r"\b(" + "|".join(sorted(INTENTION_NOUNS, key=len, reverse=True)) + r")\s*:", re.IGNORECASE
)
# Verbs whose infinitive complement happened ("managed to capture"); after any other verb an
# infinitive event is only intended ("an offensive to seize the town").
IMPLICATIVE = {
    "manage",
    "continue",
    "begin",
    "start",
    "help",
    "succeed",
    "keep",
    "go",
    "use",
    "have",
    "try",
    "attempt",
}
# "unclear if", "asked if": there "if" means "whether" and marks a question, not a condition.
WHETHER_HEADS = {
    "unclear",
    "clear",
    "uncertain",
    "know",
    "ask",
    "wonder",
    "see",
    "check",
    "verify",
    "determine",
}
# "conditions for further advance", "preparations for an offensive", "massing troops for an
# assault": a noun or build-up verb that puts its "for" ahead.
AHEAD_FOR = {
    "condition",
    "preparation",
    "precondition",
    "plan",
    "mass",
    "amass",
    "prepare",
    "gather",
    "stage",
}
# Imminence, only for what they take as object: "have approached the most significant conquest",
# "on the verge of capturing" (not "since the fall of Bakhmut" elsewhere in that clause).
IMMINENT = {"approach", "verge", "brink", "near"}
# Evidence that shows rather than says: what it shows is reported, whoever published it
# (FORMAT.md: "claimed" only where the text frames a claim).
EVIDENCE = {"footage", "video", "imagery", "image", "photo", "photograph", "picture", "evidence", "data"}
CLAUSE_DEPS = {"ccomp", "relcl", "acl", "parataxis", "advcl", "csubj"}


@dataclass
class Status:
    status: EventStatus = "reported"
    hedge: str | None = None
    condition: str | None = None
    in_condition: bool = False
    cue: Token | None = None
    forecast_cue: Token | None = None  # the modal or expectation word that makes it a forecast
    ru_source: bool = False  # said by Moscow or its ministry: a claim when Russia is the actor


# ---- status ---------------------------------------------------------------------------------


def _modal(node: Token) -> Token | None:
    for child in node.children:
        if child.dep_ in ("aux", "auxpass") and (child.lower_ in MODALS or child.tag_ == "MD"):
            if child.lower_ not in ("can", "ca", "should", "must") or node.lemma_ in TRIGGERS:
                return child
        if child.dep_ == "aux" and child.lower_ == "going":
            return child
    return None


def _conditional(clause: Token) -> bool:
    """An advcl marked 'if/unless' that states a condition, not an indirect question ('unclear if')."""
    if not any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in clause.children):
        return False
    head = clause.head
    return not (
        head.lemma_.lower() in WHETHER_HEADS
        or any(c.dep_ == "acomp" and c.lemma_.lower() in WHETHER_HEADS for c in head.children)
    )


def _estimate(node: Token, through_subject: bool) -> bool:
    """'the number of deaths may be close to 200': a modal copula over a count estimates, not forecasts."""
    return (
        through_subject
        and node.lemma_ == "be"
        and any(
            c.dep_ in ("acomp", "attr", "prep")
            and any(g.like_num and g.ent_type_ not in ("DATE", "TIME") for g in c.subtree)
            for c in node.children
        )
    )


def _negated(node: Token) -> bool:
    return any(
        c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no")
        for c in node.children
        if c.lower_ in NEGATIONS
    )


def _stated_objective(trigger: Token) -> Token | None:
    """The label of a stated objective the trigger's line opens with ("Russian objective: Capture …").

    Assessments list a side's objectives as labelled lines; what such a line names is intended, not done.
    """
    doc = trigger.doc
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, trigger.idx) + 1
    found = OBJECTIVE_LABEL.search(text, line_start, min(trigger.idx, line_start + 60))
    if found is None:
        return None
    label = doc.char_span(found.start(1), found.end(1), alignment_mode="expand")
    return label[0] if label is not None and len(label) else None


def status_of(trigger: Token) -> Status:
    """reported / claimed / denied / forecast from the syntax around the trigger."""
    st = Status()
    label = _stated_objective(trigger)
    if label is not None:
        st.status, st.forecast_cue, st.cue = "forecast", label, label
        return st
    node, own, through_subject = trigger, True, False
    prev = trigger
    forecast_own: Token | None = None
    denied = claimed = forecast_outer = False
    # Negation counts on the trigger and the first verb above it ("did not capture", "no
    # fighting", "did not manage to take"), not on verbs further up ("I have not seen them push").
    neg_budget = 2 if trigger.dep_ == "xcomp" else 1
    for _ in range(12):
        if own:
            modal = _modal(node)
            ahead_for = (
                node.lemma_.lower() in AHEAD_FOR and prev.lower_ == "for" and prev.head.i == node.i
            ) or (
                node.lemma_.lower() in IMMINENT
                and node.pos_ in ("VERB", "NOUN")
                and (prev.dep_ == "dobj" or prev.lower_ == "of")
                and prev.head.i == node.i
            )
            cue = node if node is not trigger and (node.lemma_.lower() in EXPECT or ahead_for) else None
            if cue is None and node is not trigger:
                # a modal adjective predicated of the event: "the fall of the city is (not) inevitable"
                cue = next(
                    (c for c in node.children if c.dep_ == "acomp" and c.lemma_.lower() in EXPECT), None
                )
            if modal is not None and _estimate(node, through_subject):
                modal = None
            if forecast_own is None and (modal is not None or cue is not None):
                forecast_own = modal or cue
            if (
                forecast_own is None
                and neg_budget > 0
                and not through_subject
                and _negated(node)
                and node.lemma_.lower() not in SPEECH
            ):
                denied = True
            if node.pos_ in ("VERB", "AUX"):
                neg_budget -= 1
        else:
            lemma = node.lemma_.lower()
            if lemma in DENY or (lemma in SPEECH and _negated(node) and lemma in {"confirm"}):
                denied = True
            elif (lemma in EXPECT and node.pos_ in ("VERB", "NOUN", "ADJ", "AUX")) or (
                lemma in AHEAD_FOR and prev.lower_ == "for" and prev.head.i == node.i
            ):
                forecast_outer = True
                st.cue = st.cue or node
                st.forecast_cue = st.forecast_cue or node
            elif lemma in CLAIM:
                claimed = True
                st.cue = st.cue or node
            elif lemma in SPEECH and node.pos_ in ("VERB", "NOUN"):
                subj = subject_of(node)
                if (
                    subj is not None
                    and subj.lemma_.lower() not in EVIDENCE  # "footage from Russian bloggers showed"
                    and side_of_text(" ".join(t.text for t in subj.subtree)) == "RU"
                ):
                    st.ru_source = True
                st.cue = st.cue or node
        if node.dep_ == "advcl" and _conditional(node):
            st.in_condition = True
        if own:
            cond = next(
                (c for c in node.children if c.dep_ == "advcl" and _conditional(c)),
                None,
            )
            if cond is not None and st.condition is None and not st.in_condition:
                st.condition = trigger.doc[cond.left_edge.i : cond.right_edge.i + 1].text
        if (
            own
            and node.pos_ in ("VERB", "AUX")
            and node.dep_ in ("xcomp", "advcl", "acl", "relcl")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
            and node.head.lemma_.lower() not in IMPLICATIVE
            and node.head.lemma_.lower()
            not in CLAIM | SPEECH | DENY | EXPECT  # "time to retreat": the head cues
            and not any(c.dep_ == "aux" and c.lower_ == "have" for c in node.children)
            and forecast_own is None
        ):
            # purpose or intention: "an offensive to seize the town"; not what was claimed or done
            # ("claimed to have captured", "said to capture")
            forecast_own = node
        if (
            node.dep_ in CLAUSE_DEPS
            or node.dep_ == "ROOT"
            or (node.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children))
        ):
            own = False
        if node.dep_ in ("nsubj", "nsubjpass"):
            through_subject = True
        if node.head is node:
            break
        prev, node = node, node.head
    if denied:
        st.status = "denied"
    elif forecast_own is not None or forecast_outer or st.in_condition:
        st.status = "forecast"
        st.forecast_cue = forecast_own or st.forecast_cue
        word = forecast_own.lower_ if forecast_own is not None else None
        st.hedge = word if word in HEDGES else _hedge_word(trigger)
    elif claimed:
        st.status = "claimed"
    return st


def _hedge_word(trigger: Token) -> str | None:
    for t in trigger.sent:
        if t.lower_ in HEDGES:
            return t.lower_
    return None


def covering_claims(doc: Doc, trigger: Token) -> list[tuple[str, object]]:
    """(id, claim) of the sitrep_claims claims whose proposition contains the trigger."""
    at = trigger.idx
    return [
        (claim.id or f"c{i}", claim)
        for i, claim in enumerate(items_of(doc, "claims"), start=1)
        if any(s.start <= at < s.end for s in claim.spans)
    ]


def claim_status(claims: list[tuple[str, object]]) -> EventStatus | None:
    """A denial found by sitrep_claims overrides "reported" (the syntax reads expectations itself)."""
    return "denied" if any(getattr(c, "stance", None) == "denies" for _, c in claims) else None
