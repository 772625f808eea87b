"""Tense cue words of a sentence (English and Chinese), found in one pass over its words.

English cues are looked up word by word in sets (with the word before or after for "going to",
"takes effect", "has risen", "faster than expected"): one tokenising scan per sentence, instead of
regular expressions with hundreds of alternatives tried at every character. Chinese cues are short
substrings, searched only in sentences that hold Chinese characters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

FUTURE, PAST, RECENT = 1, 0, 2
Cue = tuple[int, int, int]
"""(start, end, tense) of one cue."""

WORD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
CJK_RE = re.compile(r"[\u3400-\u9fff]")
FUTURE_CUE_RE = re.compile(r"将|將|拟|擬|计划|計劃|预计|預計|預測|预测|即将|即將|定于|定於|届时|屆時|有望|料将|料將")
PAST_CUE_RE = re.compile(
    r"已|曾|了|增长|增長|下降|上涨|上漲|下跌|上升|回落|回升|同比|按年|环比|按月|收涨|收漲|收跌|收报|收報|收于|收於|收市|录得|錄得"
)
RECENT_CUE_RE = re.compile(r"以来|以來")
CHINESE_CUES = ((FUTURE_CUE_RE, FUTURE), (PAST_CUE_RE, PAST), (RECENT_CUE_RE, RECENT))

FUTURE_WORDS = frozenset(
    "will shall would won't won’t expected scheduled slated poised upcoming forthcoming next expect expects "
    "expecting predict predicts anticipate anticipates must should might likely expire expires starts begins "
    "opens closes ends runs resumes reopens matures await awaits ahead reopen resume mature payable".split()
)
# "going to", "plans to", "is to": future only before "to".
FUTURE_BEFORE_TO = frozenset(
    "going set plan plans planning aim aims intend intends seek seeks hope hopes want wants is are".split()
)
# Two-word cues: first word -> second words.
FUTURE_PAIRS = {
    **{w: frozenset({"effect", "office", "over", "place"}) for w in ("take", "takes")},
    **{w: frozenset({"into"}) for w in ("come", "comes")},
    **{w: frozenset({"off"}) for w in ("kick", "kicks")},
    **{w: frozenset({"due"}) for w in ("fall", "falls")},
    **{w: frozenset({"set"}) for w in ("look", "looks")},
    **{w: frozenset({"to", "that"}) for w in ("forecast", "forecasts", "forecasting")},
}
DUE_TO_VERBS = frozenset(
    "be take start begin open close end launch meet hold release publish announce report come vote decide visit "
    "arrive expire resume".split()
)
# "faster than expected", "as forecast", "had been expected": a comparison or a past expectation.
NOT_FUTURE_AFTER = frozenset({"than", "as", "been", "was", "were", "had"})
PAST_WORDS = frozenset(
    "was were had did said told rose fell grew hit saw came took made met held gave went won lost sold left became "
    "shrank sank slid spent paid cut set put kept ran brought wrote stood swung sprang struck bought sought fought "
    "caught thought drew flew knew threw led fled sped shed spread beat overtook undertook shook woke broke spoke "
    "chose froze stole drove rode strove arose shone spun stuck slung clung hung dug drank rang sang swam overcame "
    "ate lay laid found bound meant sent lent bent built dealt felt slept swept crept sat got forgot understood "
    "withheld upheld burst quit shut split let cost hurt".split()
)
NOT_PAST_ED = frozenset(
    "hundred indeed need speed proceed exceed succeed feed breed seed embed shed red bred sacred".split()
)
# A past-tense-looking word after these is an infinitive, a modal's verb, a habit or a noun ("a cut").
NOT_PAST_AFTER = frozenset(
    "to will would may might could should can must not did does do be is are usually typically normally "
    "traditionally generally often always annually regularly a an the its their his her our this that these "
    "those".split()
)
# Verbs whose past is also their present and a noun ("cut", "hit"): after these words, or before a
# preposition or a time word, they are the noun ("a rate cut", "the first Fed cut in June"); "the
# rate rose" stays past.
SAME_FORM = frozenset("cut set hit put cost let shut quit hurt split spread burst beat".split())
NOUN_BEFORE = frozenset(
    "rate tax price job spending budget cost further deep deeper sharp big bigger first second third fourth new "
    "another fed".split()
)
NOUN_AFTER = frozenset("in of at this next last".split())
HAVE_WORDS = frozenset({"has", "have"})
PERFECT_ADVERBS = frozenset("not never also already just now since nearly almost".split())
PARTICIPLES = frozenset(
    "been risen fallen grown shrunk seen done gone taken given shown hit cut lost won set held kept made paid sold "
    "spent stood struck become run begun tripled doubled".split()
)
BEGIN_WORDS = frozenset({"began", "begun", "started"})
DEADLINE_WORDS = frozenset(
    "extend extends extended extending postpone postpones postponed postponing delay delays delayed delaying defer "
    "defers deferred deferring prolong prolongs prolonged".split()
)
BACK_VERBS = frozenset("push pushes pushed move moves moved".split())
# Prefixes of hyphenated verbs ("re-elected", "co-hosted"); other hyphenated "-ed" words are adjectives
# ("fentanyl-related", "state-owned", "long-awaited"), no past tense.
VERB_PREFIXES = frozenset("re co pre de mis over under out up down cross fast kick".split())


def _is_past(word: str) -> bool:
    if word in PAST_WORDS:
        return True
    first, _, last = word.rpartition("-")
    if first and first.rsplit("-", 1)[-1] not in VERB_PREFIXES:
        return False
    return len(last) >= 5 and last.endswith("ed") and last not in NOT_PAST_ED


def _perfect_end(words: list[tuple[int, int, str]], i: int) -> int | None:
    """Index of the participle closing a present perfect that opens at words[i] ("has risen"), or None."""
    word = words[i][2]
    if not (word in HAVE_WORDS or word.endswith(("'ve", "’ve"))):
        return None
    j = i + 1
    if j < len(words) and words[j][2] in PERFECT_ADVERBS:
        j += 1
    elif j + 1 < len(words) and (words[j][2], words[j + 1][2]) in (("so", "far"), ("more", "than")):
        j += 2
    if j < len(words) and (words[j][2] in PARTICIPLES or _is_past(words[j][2]) and words[j][2].endswith("ed")):
        return j
    return None


# Every word that can open a cue: other words are passed over with one set lookup.
_OPENERS = (
    FUTURE_WORDS | FUTURE_BEFORE_TO | frozenset(FUTURE_PAIRS) | PAST_WORDS | HAVE_WORDS | BEGIN_WORDS
    | DEADLINE_WORDS | BACK_VERBS | frozenset({"due", "on", "to", "kicked"})
)
_OPENER_ENDINGS = ("ed", "'ll", "’ll", "'ve", "’ve")


def find_cues(
    text: str, start: int, end: int, chinese: Sequence[tuple[re.Pattern[str], int]] = CHINESE_CUES
) -> tuple[list[Cue], int | None]:
    """The tense cues of text[start:end], in order, and where its first deadline verb ends ("extended").

    `chinese`: (pattern, tense) pairs searched in sentences holding Chinese characters.
    """
    lower = text[start:end].lower()
    if len(lower) != end - start:  # lower-casing moved offsets (rare letters): keep the text's own case
        lower = text[start:end]
    words = [(m.start() + start, m.end() + start, m.group()) for m in WORD_RE.finditer(lower)]
    cues: list[Cue] = []
    deadline: int | None = None

    def gap_ok(i: int) -> bool:  # only whitespace between words[i-1] and words[i]
        return i > 0 and text[words[i - 1][1] : words[i][0]].isspace()

    for i, (w_start, w_end, word) in enumerate(words):
        if word not in _OPENERS and not word.endswith(_OPENER_ENDINGS):
            continue
        nxt = words[i + 1][2] if i + 1 < len(words) else ""
        after_prev = words[i - 1][2] if i > 0 and gap_ok(i) else ""
        future_end: int | None = None
        if word in FUTURE_WORDS and (word != "may" or text[w_start] == "m"):
            future_end = w_end
        elif word.endswith(("'ll", "’ll")):
            future_end = w_end
        elif word == "due":
            if nxt != "to":
                future_end = w_end
            elif i + 2 < len(words) and words[i + 2][2] in DUE_TO_VERBS:
                future_end = words[i + 2][1]
        elif word in FUTURE_BEFORE_TO and nxt == "to":
            future_end = words[i + 1][1]
        elif word in FUTURE_PAIRS and nxt in FUTURE_PAIRS[word]:
            future_end = words[i + 1][1]
        elif word == "on" and nxt == "track" and i + 2 < len(words) and words[i + 2][2] == "to":
            future_end = words[i + 2][1]
        elif word == "to" and nxt == "be" and i + 2 < len(words) and words[i + 2][2].endswith("ed"):
            future_end = words[i + 2][1]
        if future_end is not None:
            two_back = words[i - 2][2] if i > 1 and gap_ok(i - 1) and gap_ok(i) else ""
            if after_prev not in NOT_FUTURE_AFTER and two_back != "than":
                cues.append((w_start, future_end, FUTURE))
        noun = word in SAME_FORM and (after_prev in NOUN_BEFORE or nxt in NOUN_AFTER)
        if _is_past(word) and not (
            noun or after_prev in NOT_PAST_AFTER or after_prev.endswith("-point") or after_prev[-1:].isdigit()
        ):
            cues.append((w_start, w_end, PAST))
        perfect = _perfect_end(words, i)
        if perfect is not None:
            cues.append((w_start, words[perfect][1], RECENT))
        elif word in BEGIN_WORDS or (word, nxt) == ("kicked", "off"):
            cues.append((w_start, w_end if word in BEGIN_WORDS else words[i + 1][1], RECENT))
        if deadline is None and (word in DEADLINE_WORDS or (word in BACK_VERBS and nxt == "back")):
            deadline = w_end if word in DEADLINE_WORDS else words[i + 1][1]
    if CJK_RE.search(text, start, end):
        for pattern, tense in chinese:
            cues += [(m.start(), m.end(), tense) for m in pattern.finditer(text, start, end)]
        cues.sort()
    return cues, deadline
