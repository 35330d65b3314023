"""sitrep_speakers: the cue and speaker of each quote, with pronouns and descriptions resolved."""

from __future__ import annotations

import pytest


def speakers(nlp, text):
    return [(q.text, q.speaker) for q in nlp(text)._.quotes]


@pytest.mark.parametrize(
    "text,expected",
    [
        # speaker after the cue, inverted ("said an officer from …")
        (
            '"The bridge is gone," said an officer from the 47th Mechanized Brigade.',
            "an officer from the 47th Mechanized Brigade",
        ),
        # speaker before the cue
        ('"We are holding," Oleksandr Syrskyi said on Sunday.', "Oleksandr Syrskyi"),
        # an apposition between the quote and the cue
        (
            '"Supplies are short," Ivan Petrenko, a volunteer driver, said in a statement.',
            "Ivan Petrenko, a volunteer driver",
        ),
        # cue before the quote
        ('The governor wrote on Telegram: "Two people were injured."', "The governor"),
        ('According to one medic, "the wounded wait for hours."', "one medic"),
        # a dash signature
        ("\u201cNo one sleeps here anymore.\u201d \u2015 Olena Kovalenko", "Olena Kovalenko"),
        # a possessor of a cue noun, for a fragment
        ('He rejected Moscow\'s claims of a "complete encirclement."', "Moscow"),
        # an inverted subject after a fragment's main verb
        (
            "Two pensioners suffered \u201csevere frostbite\u201d overnight in Lutsk, said the State Emergency Service.",
            "the State Emergency Service",
        ),
        # a participle after a quote does not sign it
        (
            'In a statement, the ministry said: "The strike failed," adding that two drones were lost.',
            "the ministry",
        ),
        # the speaker of a participle is the noun it describes
        ('The video shows the commander asking, "Where are the shells?"', "the commander"),
        # a parenthetical between the name and the cue
        ('"We need air defence," Rep. Jane Doe (D-Ohio) said on Monday.', "Rep. Jane Doe (D-Ohio)"),
    ],
)
def test_speaker_of_a_single_quote(nlp, text, expected):
    ((_quote, speaker),) = speakers(nlp, text)
    assert speaker == expected


def test_pronoun_resolves_to_the_earlier_description(nlp):
    text = (
        "One reconnaissance company commander reported that only five of his fighters remain.\n"
        '"Over time, the fighting becomes more difficult," he said. "There are more drones."'
    )
    assert [s for _, s in speakers(nlp, text)] == ["One reconnaissance company commander"] * 2


def test_a_fragment_closing_its_sentence_is_not_signed_by_the_next_one(nlp):
    text = 'Kyiv insisted that Moscow "stop its escapades." The agency said the plant was safe.'
    ((_q, speaker),) = speakers(nlp, text)
    assert speaker == "Kyiv"


def test_scare_quotes_listed_in_one_sentence_share_a_speaker(nlp):
    text = 'The general called the plan "reckless," "provocative" and "doomed."'
    assert {s for _, s in speakers(nlp, text)} == {"The general"}


def test_short_name_resolves_to_the_full_name(nlp):
    text = (
        "President Volodymyr Zelensky visited the front on Monday.\n"
        '"We must protect the soldier," Zelensky said.'
    )
    ((_q, speaker),) = speakers(nlp, text)
    assert "Volodymyr Zelensky" in speaker


def test_definite_description_resolves_to_the_fuller_one(nlp):
    text = (
        "An officer from the 68th Jaeger Brigade described the losses.\n"
        '"We cannot hold much longer," the officer said.'
    )
    ((_q, speaker),) = speakers(nlp, text)
    assert speaker == "An officer from the 68th Jaeger Brigade"


def test_colon_line_introduces_the_next_paragraph(nlp):
    text = (
        'An officer from the 68th Brigade stated that it is time to retreat:\n"The losses are not worth it."'
    )
    assert speakers(nlp, text) == [("The losses are not worth it.", "An officer from the 68th Brigade")]


def test_side_and_cue(nlp):
    (quote,) = nlp('"They attack every night," a Ukrainian officer says.')._.quotes
    assert (quote.side, quote.cue) == ("UA", "says")


def test_chain_ends_in_the_speaker_and_starts_with_the_cited_outlet(nlp):
    text = (
        "The fighting is the bloodiest of the war, The Wall Street Journal writes.\n"
        '"We lose a vehicle a day," said a Ukrainian officer.'
    )
    (quote,) = nlp(text)._.quotes
    assert quote.chain == ["The Wall Street Journal", "a Ukrainian officer"]


def test_seed_quotes_all_have_the_right_speaker(seed_record):
    got = {q.text[:25]: q.speaker for q in seed_record.quotes}
    assert len(seed_record.quotes) == 10
    assert "68th Jaeger Brigade" in got["The closer you get to Pok"]
    assert got["for every Ukrainian drone"] == "one officer"
    assert "25th Airborne Brigade" in got["They dominate the skies -"]
    assert got["In this entire war, I hav"] == "a Ukrainian officer"
    assert (
        got["Over time, the fighting b"]
        == got["There are more and more t"]
        == "One reconnaissance company commander"
    )
    assert got["The losses are not worth "] == "An officer from the 68th Brigade"
    assert "Volodymyr Zelensky" in got["We must protect the soldi"]
    assert "George Barros" in got["Ukraine still has a chanc"]
    assert "Vladimir Putin" in got["inevitable defeat of Kyiv"]


def test_ukrainian_direct_speech_header(nlp):
    text = 'Пряма мова Коваленка: "Ми тримаємо оборону на сході."'
    assert speakers(nlp, text) == [("Ми тримаємо оборону на сході.", "Коваленка")]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a date between the name and its cue is no part of the speaker
        ('"Two drones hit the depot," the regional governor on Sunday said.', "the regional governor"),
        # a bare pronoun with nothing to resolve to is no speaker
        ('"We hold the line," we said.', None),
        # an unclosed parenthesis is left out of a speaker found after the cue
        (
            '"The front is stable," commented a recent report from the Centre for Defence Studies (CDS).',
            "a recent report from the Centre for Defence Studies",
        ),
    ],
)
def test_speaker_is_never_clipped_or_a_pronoun(nlp, text, expected):
    ((_quote, speaker),) = speakers(nlp, text)
    assert speaker == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a quote inside a clause reported by a verb of saying is the outer speaker's
        (
            'The spokesman said the Russian command had shown bad judgment in sending conscripts "as cannon fodder."',
            "The spokesman",
        ),
        (
            'Yermak said Russian negotiators are to blame for stalling on "a ceasefire that exists only on paper."',
            "Yermak",
        ),
        # "she" goes to the name that spoke in its own sentence, not to a nearer proper noun
        (
            'Hrytsenko said she felt the Minsk Agreement was dead because "nobody keeps it," she said.',
            "Hrytsenko",
        ),
        # the verb a fragment hangs on beats a possessive cue noun next to it
        (
            'Olena Shevchuk, a local official, called the minister\'s remarks "an insult to the dead."',
            "Olena Shevchuk, a local official",
        ),
        # an infinitive has no inverted subject: its object is no speaker
        (
            'The mayor took to Telegram to accuse the Defence Ministry of being "asleep at the wheel."',
            "The mayor",
        ),
        # "it" speaking for a named body
        (
            'The Security Council met on Friday and condemned what it called "a reckless provocation."',
            "The Security Council",
        ),
    ],
)
def test_speaker_of_an_embedded_or_fragment_quote(nlp, text, expected):
    assert speakers(nlp, text)[0][1] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # "as X put it", before and after the quote
        ('As one drone operator put it, the front is "a conveyor belt of death."', "one drone operator"),
        ('"The road is a shooting gallery," as one driver put it.', "one driver"),
        # a document that "reads"
        ('"We ask for more shells," the letter reads.', "the letter"),
        # a nickname in quotes inside the speaker's name does not cut the signature
        (
            '"The jamming works," drone expert Serhiy "Flash" Beskrestnov wrote on Telegram.',
            'drone expert Serhiy "Flash" Beskrestnov',
        ),
    ],
)
def test_quote_only_cues_and_nicknames(nlp, text, expected):
    assert speakers(nlp, text)[0][1] == expected


def test_a_preposition_starts_no_speaker(nlp):
    speaker = speakers(nlp, 'After saying the town was "quiet," the mayor left.')[0][1]
    assert speaker is None or not speaker.startswith("After")


def test_a_scare_quote_without_a_cue_is_the_main_subjects(nlp):
    text = (
        "Ukrainian officials fumed after the disclosure that the plant was shut down while engineers "
        'were sorting its "spare" parts.'
    )
    assert speakers(nlp, text) == [("spare", "Ukrainian officials")]


@pytest.mark.parametrize(
    "text,quote,expected",
    [
        # an abstract noun is never the speaker: the quote goes on from the indirect speech before it
        (
            "The Pentagon does not expect a large offensive soon, a U.S. defence official said. "
            "The aim was to help the brigades \u201chold the line \u2026 and rebuild their reserves before the summer\u201d.",
            "hold the line",
            "a U.S. defence official",
        ),
        # a correspondent's credit line is no cue
        (
            "Oksana Melnyk has warned that the front is \u201cclose to breaking\u201d, Petra Nowak writes from Vienna.",
            "close to breaking",
            "Oksana Melnyk",
        ),
        # a cue followed by a colon introduces the next quote, not the one before it
        (
            "The minister, Ivan Horak, said: \u201cWe are ready to send more shells.\u201d Olena Bilyk, a local "
            "volunteer, said: \u201cThe town has no water left and the shelling goes on every night.\u201d",
            "We are ready",
            "The minister, Ivan Horak",
        ),
        # the maker of a statement named by a noun ("a statement by X that …")
        (
            "The ministry recalled a statement by Defence Minister Pavel Kurz from May 2 that the bridge "
            "\u201cremains a priority target\u201d for the army.",
            "remains a priority",
            "Defence Minister Pavel Kurz",
        ),
        # the parser hangs the that-clause on the verb, not on the statement it belongs to
        (
            "The agency recalled a statement by Governor Anna Sydorenko from June 3 that the dam "
            "\u201cplays a key role\u201d in the defence of the region.",
            "plays a key role",
            "Governor Anna Sydorenko",
        ),
        (
            "Journalists also cite warnings from regional officials that shelling may cause an "
            "\u201cimminent humanitarian disaster\u201d in the town.",
            "imminent",
            "regional officials",
        ),
        # the agent of the act the words justify
        (
            "The brewer was among 40 firms sanctioned by the European Union for \u201cfinancing the occupation of Crimea.\u201d",
            "financing",
            "the European Union",
        ),
    ],
)
def test_speaker_kinds(nlp, text, quote, expected):
    found = [speaker for q, speaker in speakers(nlp, text) if q.startswith(quote)]
    assert found == [expected]


@pytest.mark.parametrize(
    "first",
    [
        "\u201cThe trapped soldiers are running out of food,\u201d Colonel Petro Marchenko said.\n",
        # a signed fragment is speech that may go on too
        "They are \u201cslowly running out of food,\u201d Colonel Petro Marchenko said.\n",
    ],
)
def test_a_quote_paragraph_after_a_stray_link_line_continues_the_speaker(nlp, first):
    text = first + (
        "Their number is higher than reported, in line with\n"
        "earlier\n"
        "\u201cThey have nowhere left to go and no way to get supplies in.\u201d\n"
    )
    assert [s for _q, s in speakers(nlp, text)] == ["Colonel Petro Marchenko"] * 2


@pytest.mark.parametrize(
    "text,start,end,expected",
    [
        # a run of words found by position names a speaker only if it holds a word that can name one
        ("The mayor was said to have left the city.", 4, 5, None),
        ("The mayor, who was just back from the front, spoke.", 5, 6, None),
        ("The mayor spoke to reporters in the square.", 0, 2, "The mayor"),
    ],
)
def test_function_words_name_no_speaker(nlp, text, start, end, expected):
    from sitrep.extract.voices.mentions import Resolver

    doc = nlp(text)
    holder = Resolver(doc, []).holder_of_run(doc[start:end])
    assert (holder.name if holder is not None else None) == expected
