"""The summary's "+n / −m words" for Chinese: written without spaces, counted per character.

The two paragraphs are General Assembly resolution 69/244 (2015), operative paragraphs 2
and 9, in Chinese, as /work/shared/corpus/multilingual/unpc-devset/resolution_lines.tsv
holds them (lines 3103 and 3740); the revision is made by hand. The expected counts are
counted by hand, one per character inserted or deleted (punctuation not counted).
"""

from __future__ import annotations

import redline
from redline.views.summary import change_summary

OP2 = (
    "2. 具有经济及社会理事会咨商地位的非政府组织、民间社会组织、"
    "私营部门、主要群体、会员国和观察员的代表将出席听证会。"
)
OP9 = "9. 除会员国以外，首脑会议全体会议的发言名单将于2015年8月3日星期一截止。"
OLD = f"大会，\n\n{OP2}\n\n{OP9}\n"


def _summary(new: str) -> str:
    return change_summary(redline.compare(OLD, new)).text()


def test_chinese_words_are_counted_per_character() -> None:
    # 私营部门 (4) → 学术界 (3); 将 (1) → 应邀 (2): +5 / −5. Counted by whitespace, as
    # before, the whole clause between two commas was one word: +2 / −2.
    # 除会员国以外 → 除会员国和观察员以外: 和观察员 inserted, +4 / −0 (was +1).
    new = OLD.replace("私营部门", "学术界").replace("将出席", "应邀出席")
    new = new.replace("除会员国以外", "除会员国和观察员以外")
    assert _summary(new) == "2 modified\n\nOP1: +5 / −5 words\nOP2: +4 / −0 words"


def test_a_punctuation_only_edit_counts_no_word() -> None:
    new = OLD.replace("私营部门、主要群体", "私营部门；主要群体")  # 、 → ；
    assert _summary(new) == "1 unchanged, 1 modified\n\nOP1: modified"  # no word changed


def test_words_of_spaced_scripts_are_still_whole() -> None:
    old = "1. *Welcomes* the report of the Secretary-General;\n"
    new = "1. *Welcomes* the well-received report of the Secretary-General and the envoy;\n"
    # well-received (one word, its hyphen inside it), and, the, envoy inserted: +4 / −0
    assert change_summary(redline.compare(old, new)).lines[0].said == "+4 / −0 words"
