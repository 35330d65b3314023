"""Is a trigger used of war? Its arguments decide, not the word alone.

"Russian troops struck Kharkiv" and "sanctions struck the economy" share a verb; what differs
is who acts and on what. A trigger is an event of war when an armed agent or a side acts
(its subject, agent or modifier: "Russian forces", "a drone", "Ukraine's counteroffensive"),
when its own clause names weapons or troops ("attacks with glide bombs"), or when its own
phrase names the place it happens at ("fighting near Lyman", "struck Kharkiv"). A trigger
whose place comes only from the sentences around it needs an armed argument of its own
(PropBank's ARG0/ARG1 test, read off spaCy's dependency parse).

Words for armed agents and weapons come from WordNet (``events/armed_agents.txt``, built by
scripts/build_event_lexicon.py), with the event lexicons' own weapon and mode words.

    >>> "troop" in ARMED and "sanction" not in ARMED
    True
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import LEX, MODES, WEAPONS, side_of_text, subject_of

#: Armed agents and weapons: WordNet's closure of military units, personnel and weapons, the
#: strike modes' weapon words, and the ground-unit words ISW-style reports use as subjects.
ARMED = (
    LEX.words("events/armed_agents")
    | frozenset(MODES)
    | frozenset(WEAPONS)
    | LEX.words("events/ground_units")
)
# Dependencies that carry a trigger's agent or patient on a verb or a noun.
AGENT_DEPS = {"nsubj", "nsubjpass", "agent", "poss", "amod", "compound", "nmod", "dobj"}
# Clauses of their own below a trigger: their words are not the trigger's arguments.
OWN_CLAUSES = {"ccomp", "advcl", "relcl", "acl", "csubj", "parataxis", "xcomp"}


def armed(token: Token) -> bool:
    """A word for troops, a weapon, or a side ("Russian", "Kyiv", "the 93rd Brigade")."""
    lemma = token.lemma_.lower()
    if lemma in ARMED or token.lower_ in ARMED:
        return True
    return token.pos_ in ("PROPN", "ADJ", "NOUN") and side_of_text(token.text) is not None


def clause_words(node: Token) -> list[Token]:
    """The words of `node`'s own clause: its subtree without the clauses nested in it."""
    out = [node]
    todo = [c for c in node.children if c.dep_ not in OWN_CLAUSES]
    while todo:
        tok = todo.pop()
        out.append(tok)
        todo.extend(c for c in tok.children if c.dep_ not in OWN_CLAUSES)
    return out


def armed_argument(trigger: Token) -> bool:
    """An armed agent or a side among the trigger's arguments, or weapons in its own clause.

    For a noun trigger the clause is the verb it hangs on ("launched an offensive", "drone
    attacks killed two"); its subject counts too ("Russian forces launched an offensive").
    """
    if any(armed(t) for t in clause_words(trigger)):
        return True
    head = trigger.head if trigger.pos_ != "VERB" and trigger.head is not trigger else trigger
    subj = subject_of(head)
    if subj is not None and any(armed(t) for t in subj.subtree):
        return True
    if head is not trigger and trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr"):
        return any(armed(t) for t in clause_words(head) if t.dep_ in AGENT_DEPS)
    return False
