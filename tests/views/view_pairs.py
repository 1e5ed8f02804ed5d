"""Small hand-written pairs the view tests read: each shows edits, a move and a footnote."""

from __future__ import annotations

OLD = """Human Rights Council

99/5. Cooperation in the field of human rights

*The Human Rights Council,*

*Recalling* its resolution 1/1 on cooperation,<sup>1</sup>

*Noting* the report of the Secretary-General,<sup>2</sup>

*Stressing* the importance of dialogue among all States,

1. *Requests* the Secretary-General to submit a report at its next session;

2. *Encourages* States to cooperate with the Office of the High Commissioner;

3. *Decides* to remain seized of the matter.

<sup>1</sup> See resolution 1/1.

<sup>2</sup> A/HRC/99/1.
"""

NEW = """Human Rights Council

99/7. Cooperation in the field of human rights

*The Human Rights Council,*

*Recalling* its resolution 1/1 on cooperation,<sup>1</sup>

*Noting with appreciation* the report of the Secretary-General,<sup>2</sup>

1. *Encourages* States to cooperate with the Office of the High Commissioner;

2. *Requests* the Secretary-General to submit a comprehensive report at its fifty-first session;

3. *Invites* all States to share good practices;

4. *Decides* to remain seized of the matter.

<sup>1</sup> See resolution 1/1.

<sup>2</sup> A/HRC/99/1 and Corr.1.
"""

# Paragraphs that would be markup or script if written unescaped, and a right-to-left
# override that would reverse what follows it if it leaked out of its paragraph.
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
RLO = "\u202eevil\u202c reversed"
HOSTILE_OLD = f"""*The Human Rights Council,*

*Recalling* its resolution 1/1 {SCRIPT},

1. *Decides* to act.
"""
HOSTILE_NEW = f"""*The Human Rights Council,*

*Recalling* its resolution 1/1 {SCRIPT} and {IMG},

1. *Decides* to act {RLO}.
"""

# A preambular paragraph that became operative, and an operative paragraph extended.
PART_OLD = """*The Human Rights Council,*

*Recalling* its resolution 1/1,

*Welcoming* the report of the Special Rapporteur on the right to food,

1. *Requests* the Office to prepare a study;

2. *Decides* to continue its consideration of the matter.
"""
PART_NEW = """*The Human Rights Council,*

*Recalling* its resolution 1/1,

1. *Welcomes* the report of the Special Rapporteur on the right to food;

2. *Requests* the Office to prepare a study and to present it at its next session;

3. *Decides* to continue its consideration of the matter.
"""

# A vote changed: the meeting, the date, the counts, one State from against to in favour.
_BODY = """*The Human Rights Council,*

1. *Decides* to remain seized of the matter.
"""
VOTE_OLD = (
    _BODY
    + """
40th meeting 1 April 2026

[Adopted by a recorded vote of 3 to 1, with 1 abstention. The voting was as follows:

In favour:

Albania, Benin and Chile

Against:

Denmark

Abstaining:

Egypt]
"""
)
VOTE_NEW = (
    _BODY
    + """
41st meeting 2 April 2026

[Adopted by a recorded vote of 4 to 0, with 1 abstention. The voting was as follows:

In favour:

Albania, Benin, Chile and Denmark

Abstaining:

Egypt]
"""
)
